import Foundation

/// irssi and WeeChat, the references the terminal figures are measured beside: run by the same method as
/// Parley (a pseudo-terminal of the same size, timed by what they draw, measured from /proc), each on a
/// throwaway home so that nothing touches the user's own settings. `make bench` installs them from Debian.
enum ReferenceClient: String, CaseIterable, Sendable {
    case irssi, weechat

    var executable: String { "/usr/bin/\(rawValue)" }

    /// The references installed here; the figures are printed without them when none is.
    static var installed: [ReferenceClient] {
        allCases.filter { FileManager.default.isExecutableFile(atPath: $0.executable) }
    }

    /// Drawn in the last part of its first full screen: irssi's prompt in the status window, which comes after
    /// the window's text; WeeChat's title bar, which comes after the buffer, the input and the status bars.
    var firstFrameMarker: String {
        switch self {
        case .irssi: "[(status)]"
        case .weechat: "https://weechat.org/"
        }
    }

    /// The keys that scroll to the oldest line kept and back to the newest. WeeChat has Alt-Home and Alt-End,
    /// as Parley does; irssi binds no Alt-Home, and its own keys for the same are Ctrl-Home and Ctrl-End.
    var jumpToOldest: String {
        switch self {
        case .irssi: "\u{1B}[1;5H"
        case .weechat: "\u{1B}[1;3H"
        }
    }

    var jumpToNewest: String {
        switch self {
        case .irssi: "\u{1B}[1;5F"
        case .weechat: "\u{1B}[1;3F"
        }
    }

    /// Commands that show another window, so that lines arriving meanwhile are kept but not drawn, and show
    /// #general again.
    var leaveChannelWindow: String {
        switch self {
        case .irssi: "/window 1\r"
        case .weechat: "/buffer 1\r"
        }
    }

    var returnToChannelWindow: String {
        switch self {
        case .irssi: "/window 2\r"
        case .weechat: "/buffer 2\r"
        }
    }

    /// Starts the client on `home` as a first-time user would. With `server`, it connects to it and joins
    /// #general (use `waitUntilJoined`); `keepsEveryLine` lifts WeeChat's limit of 4,096 lines a buffer keeps
    /// (irssi keeps a day's lines whatever their number).
    func start(home: ScratchDirectory, server: IRCServer? = nil, keepsEveryLine: Bool = false) throws
        -> PseudoTerminal
    {
        var arguments: [String]
        switch self {
        case .irssi:
            arguments = ["--home=\(home.path)"]
            if let server {
                try irssiConfiguration(port: server.port).write(
                    to: home.root.appendingPathComponent("config"), atomically: true, encoding: .utf8)
            }
        case .weechat:
            arguments = ["--dir", home.path]
            if let server {
                let commands =
                    [
                        "/server add bench 127.0.0.1/\(server.port)", "/set irc.server.bench.tls off",
                        "/set irc.server.bench.nicks weechatbench", "/set irc.server.bench.autojoin #general",
                    ] + (keepsEveryLine ? ["/set weechat.history.max_buffer_lines_number 0"] : []) + ["/connect bench"]
                arguments += ["--run-command", commands.joined(separator: ";")]
            }
        }
        return try PseudoTerminal(
            executable, arguments: arguments,
            environment: ["TERM": "xterm-256color", "LANG": "C.UTF-8", "HOME": home.path],
            width: terminalWidth, height: terminalHeight)
    }

    /// Waits until the client shows that it has joined #general.
    func waitUntilJoined(_ terminal: PseudoTerminal) throws {
        if self == .irssi {
            guard terminal.pump(timeout: .seconds(30), untilShown: "End of /MOTD command") != nil else {
                throw PseudoTerminal.Failure(description: "irssi did not connect to the benchmark's IRC server")
            }
            terminal.send("/join #general\r")
        }
        guard terminal.pump(timeout: .seconds(30), untilShown: "has joined #general") != nil else {
            throw PseudoTerminal.Failure(description: "\(rawValue) did not join #general on the benchmark's IRC server")
        }
    }

    /// Ends the client with its own quit command, or a kill if it is still there after a while.
    func stop(_ terminal: PseudoTerminal) {
        terminal.send("/quit\r")
        terminal.stop()
    }

    /// A server that connects at start, in irssi's configuration syntax. (Its channel autojoin sent nothing to
    /// the benchmark's server, so `waitUntilJoined` types the /join, as a person would.)
    private func irssiConfiguration(port: UInt16) -> String {
        """
        servers = ( { address = "127.0.0.1"; chatnet = "Bench"; port = "\(port)"; autoconnect = "yes"; } );
        chatnets = { Bench = { type = "IRC"; }; };
        settings = { core = { real_name = "Bench"; user_name = "bench"; nick = "irssibench"; }; };

        """
    }
}

/// A reference client on a throwaway home, connected to an IRC server of its own and in #general.
struct ReferenceSession {
    let client: ReferenceClient
    let terminal: PseudoTerminal
    let server: IRCServer
    private let home: ScratchDirectory

    init(_ client: ReferenceClient, keepsEveryLine: Bool = false) throws {
        let server = try IRCServer()
        let home = try ScratchDirectory(client.rawValue)
        let terminal: PseudoTerminal
        do {
            terminal = try client.start(home: home, server: server, keepsEveryLine: keepsEveryLine)
        } catch {
            server.stop()
            home.remove()
            throw error
        }
        (self.client, self.terminal, self.server, self.home) = (client, terminal, server, home)
        do { try client.waitUntilJoined(terminal) } catch {
            end()
            throw error
        }
    }

    func end() {
        client.stop(terminal)
        server.stop()
        home.remove()
    }
}
