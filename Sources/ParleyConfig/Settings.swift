/// Everything a user can set in `config.toml`. Every key has a default, so an absent file or key is fine.
public struct Settings: Sendable, Equatable {
    /// How each service host runs.
    public struct Services: Sendable, Equatable {
        public var requestTimeoutMilliseconds = 5_000
        public var mailboxCapacity = 1_024
        public var maxRestarts = 3
        public var restartWindowSeconds = 30
    }

    public struct Account: Sendable, Equatable {
        public var sessionDays = 30
        /// A user is shown offline once no heartbeat came for this long.
        public var presenceTimeoutSeconds = 30
        /// `owasp` (OWASP's scrypt cost), or `fast`: a weak, quick hash for tests and demos only.
        public var passwordCost = "owasp"
    }

    public struct Attachments: Sendable, Equatable {
        public var maxSizeMegabytes = 100
    }

    public struct Interface: Sendable, Equatable {
        /// `auto`, `256`, `8` or `none`: how many colours previews and views may use (`NO_COLOR` in the
        /// environment means `none`).
        public var colors = "auto"
        public var showTimestamps = true
    }

    /// What draws the user's attention to a mention or a direct message in a room they are not looking at.
    public struct Notifications: Sendable, Equatable {
        /// The terminal bell, which tmux and terminal emulators turn into a flag on the window.
        public var bell = true
        /// A desktop notification through `notify-send`, where it is installed.
        public var desktop = true

        public init(bell: Bool = true, desktop: Bool = true) {
            self.bell = bell
            self.desktop = desktop
        }
    }

    /// What others learn of what the user does in a conversation.
    public struct Conversations: Sendable, Equatable {
        /// Tell the room's other members while the user is typing a message.
        public var sendTyping = true
        /// Let the room's other members see how far the user has read (read receipts).
        public var sendReceipts = true
    }

    public struct Camera: Sendable, Equatable {
        /// A V4L2 node, or `lavfi:GRAPH` for FFmpeg's virtual input (tests and demos without a camera).
        public var device = "/dev/video0"
    }

    /// The Matrix homeserver the account, messaging and attachment services use; none means the local
    /// data directory. `--server URL` and `$PARLEY_SERVER` override it.
    public struct Server: Sendable, Equatable {
        public var url: String?
    }

    public var services = Services()
    public var account = Account()
    public var attachments = Attachments()
    public var interface = Interface()
    public var notifications = Notifications()
    public var conversations = Conversations()
    public var camera = Camera()
    public var server = Server()

    public init() {}
}
