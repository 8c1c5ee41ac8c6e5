import ParleyContracts

/// A command typed in the input line, parsed. Plain text (no leading `/`) is a message to the current room.
public enum Command: Sendable, Equatable {
    case register(name: String, password: String, displayName: String?)
    case login(name: String, password: String)
    case logout
    case join(room: String)
    case part
    case message(to: String, text: String)
    case query(name: String)
    case nick(displayName: String)
    case status(text: String)
    case who
    case search(text: String)
    case edit(text: String)
    case delete
    case reply(text: String)
    /// `/react [N] EMOJI`: N is the number shown beside recent messages while it is typed; nil, the newest.
    case react(number: Int?, key: String)
    /// `/unreact [N]`: takes back the user's reactions to message N (the newest when nil).
    case unreact(number: Int?)
    case attach(path: String)
    case save(number: Int, path: String)
    case preview(number: Int)
    case play(number: Int)
    case stop
    /// `/camera` opens the viewfinder; `/camera list` lists the capture devices.
    case camera(list: Bool)
    case service(ServiceAction, name: ServiceName)
    case debug
    case help(topic: String?)
    case quit
}

/// Why a typed command could not be understood: one sentence saying what is wrong and how it goes.
public struct CommandError: Error, Sendable, Equatable, CustomStringConvertible {
    public let description: String
    init(_ description: String) { self.description = description }

    static func usage(_ spec: CommandSpec) -> CommandError {
        CommandError("usage: \(spec.usage)")
    }
}

extension Command {
    /// Parses a line that starts with `/`, by `CommandTable`. `//text` is not a command: it sends `/text` as a
    /// message.
    public static func parse(_ line: String) -> Result<Command, CommandError> {
        let typedName = line.dropFirst().split(separator: " ", maxSplits: 1).first
        guard let typedName else { return .failure(CommandError("type a command after the /")) }
        guard let spec = CommandTable.spec(named: typedName) else {
            return .failure(CommandError("unknown command /\(typedName.lowercased()); /help lists the commands"))
        }
        guard let command = spec.parse(CommandArguments(line: line)) else { return .failure(.usage(spec)) }
        return .success(command)
    }

    /// The command's row in `CommandTable`.
    public var spec: CommandSpec {
        guard let spec = CommandTable.spec(named: name) else { preconditionFailure("/\(name) is not in CommandTable") }
        return spec
    }

    /// Whether the command acts for the signed-in user, as its row in `CommandTable` says.
    public var needsSession: Bool { spec.needsSession }

    /// The name of the command's row in `CommandTable`.
    var name: String {
        switch self {
        case .register: "register"
        case .login: "login"
        case .logout: "logout"
        case .join: "join"
        case .part: "part"
        case .message: "msg"
        case .query: "query"
        case .nick: "nick"
        case .status: "status"
        case .who: "who"
        case .search: "search"
        case .edit: "edit"
        case .delete: "delete"
        case .reply: "reply"
        case .react: "react"
        case .unreact: "unreact"
        case .attach: "attach"
        case .save: "save"
        case .preview: "preview"
        case .play: "play"
        case .stop: "stop"
        case .camera: "camera"
        case .service: "service"
        case .debug: "debug"
        case .help: "help"
        case .quit: "quit"
        }
    }
}
