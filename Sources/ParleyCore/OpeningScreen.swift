import ParleyContracts

/// What the last screen of a signed-in user showed, kept so that the next start draws it before any service
/// has started (issue 8's first frame): the room list with its unread counts and the current room's newest
/// messages. The model, not drawn cells, so it lays out at whatever size the terminal has now. It is replaced
/// by the live state as soon as the services answer; the session it belongs to is checked by the account
/// service then, as ever.
public struct OpeningScreen: Equatable, Sendable, Codable {
    /// Raised whenever the fields change, so that a file another version wrote is ignored, not misread.
    public static let currentFormat = 1
    /// How many of the current room's newest messages are kept: more than a tall terminal shows.
    public static let messageLimit = 100

    public var format: Int
    /// The user's canonical name (the localpart on a homeserver) and the Matrix server name of their id;
    /// together they say whose screen this is.
    public var user: String
    public var server: String?
    public var displayName: String
    public var rooms: [Room]
    public var currentRoom: RoomID?
    /// The current room's newest messages, oldest first, at most `messageLimit`.
    public var messages: [ChatMessage]

    public init(
        user: String, server: String?, displayName: String, rooms: [Room], currentRoom: RoomID?,
        messages: [ChatMessage]
    ) {
        format = Self.currentFormat
        self.user = user
        self.server = server
        self.displayName = displayName
        self.rooms = rooms
        self.currentRoom = currentRoom
        self.messages = Array(messages.suffix(Self.messageLimit))
    }

    /// The screen `chat` shows, if someone is signed in and has rooms; nil otherwise (nothing worth keeping).
    init?(_ chat: ChatState) {
        guard let session = chat.session, !chat.rooms.isEmpty else { return nil }
        self.init(
            user: session.user, server: session.server, displayName: session.displayName, rooms: chat.rooms,
            currentRoom: chat.currentRoom, messages: chat.currentRoom.flatMap { chat.timelines[$0] } ?? [])
    }

    /// Whether this is the screen of `user` on `server`, in the format this version reads.
    public func belongs(to user: String, server: String?) -> Bool {
        format == Self.currentFormat && self.user == user && self.server == server
    }
}

/// Where the opening screen of each user is kept between runs.
public protocol OpeningScreenStore: Sendable {
    /// Replaces what is kept for the screen's user.
    func save(_ screen: OpeningScreen) throws
}

extension ChatState {
    /// The session whose name and rooms are shown: the signed-in one, else the kept one whose last screen is
    /// shown while the account service has not answered yet.
    public var shownSession: Session? { session ?? openingSession }

    /// Shows `screen` until the services answer: its rooms, and its current room's newest messages.
    mutating func open(on screen: OpeningScreen) {
        rooms = screen.rooms
        currentRoom = screen.currentRoom.flatMap { current in screen.rooms.first { $0.id == current }?.id }
        if let currentRoom { timelines = [currentRoom: screen.messages.filter { $0.room == currentRoom }] }
        isCachedView = true
        // Never used to ask anything: the token is the account service's to give, with the real session.
        openingSession = Session(
            token: "", user: screen.user, displayName: screen.displayName, expiresAt: .distantFuture,
            server: screen.server)
    }

    /// What the opening screen shows, if it is `session`'s user's: kept across the sign-in, which starts the
    /// chat afresh, until the welcome replaces it.
    func openingView(for session: Session) -> (rooms: [Room], current: RoomID?, timelines: [RoomID: [ChatMessage]])? {
        guard let opening = openingSession, opening.user == session.user, opening.server == session.server else {
            return nil
        }
        return (rooms, currentRoom, timelines)
    }
}

extension AppState {
    /// The state before any service has answered, showing `screen` if there is one.
    public init(width: Int, height: Int, opening screen: OpeningScreen?) {
        self.init(width: width, height: height, services: [])
        if let screen { chat.open(on: screen) }
    }
}
