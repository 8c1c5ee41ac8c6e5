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
    case attach(path: String)
    case save(number: Int, path: String)
    case preview(number: Int)
    case play(number: Int)
    case stop
    /// `/camera` opens the viewfinder; `/camera list` lists the capture devices.
    case camera(list: Bool)
    case service(ServiceAction, name: String)
    case debug
    case help(topic: String?)
    case quit
}

/// Why a typed command could not be understood: one sentence saying what is wrong and how it goes.
public struct CommandError: Error, Sendable, Equatable, CustomStringConvertible {
    public let description: String
    init(_ description: String) { self.description = description }

    static func usage(_ name: String) -> CommandError {
        CommandError("usage: \(CommandHelp.usage(of: name) ?? "/\(name)")")
    }
}

extension Command {
    /// Parses a line that starts with `/`. `//text` is not a command: it sends `/text` as a message.
    public static func parse(_ line: String) -> Result<Command, CommandError> {
        let words = line.dropFirst().split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        guard let name = words.first?.lowercased() else { return .failure(CommandError("type a command after the /")) }
        let arguments = Array(words.dropFirst())
        // The rest of the line after the command and its first `count` arguments, spacing kept as typed.
        func rest(afterArguments count: Int) -> String? {
            var remainder = Substring(line.dropFirst().drop(while: { $0 == " " }))
            for _ in 0..<(count + 1) {
                remainder = remainder.drop(while: { $0 != " " }).drop(while: { $0 == " " })
            }
            return remainder.isEmpty ? nil : String(remainder)
        }
        switch name {
        case "register":
            guard arguments.count >= 2 else { return .failure(.usage(name)) }
            return .success(.register(name: arguments[0], password: arguments[1], displayName: rest(afterArguments: 2)))
        case "login":
            guard arguments.count == 2 else { return .failure(.usage(name)) }
            return .success(.login(name: arguments[0], password: arguments[1]))
        case "logout": return .success(.logout)
        case "join":
            guard arguments.count == 1 else { return .failure(.usage(name)) }
            return .success(.join(room: arguments[0]))
        case "part": return .success(.part)
        case "msg":
            guard arguments.count >= 2, let text = rest(afterArguments: 1) else { return .failure(.usage(name)) }
            return .success(.message(to: arguments[0], text: text))
        case "query":
            guard arguments.count == 1 else { return .failure(.usage(name)) }
            return .success(.query(name: arguments[0]))
        case "nick":
            guard let displayName = rest(afterArguments: 0) else { return .failure(.usage(name)) }
            return .success(.nick(displayName: displayName))
        case "status": return .success(.status(text: rest(afterArguments: 0) ?? ""))
        case "who": return .success(.who)
        case "search":
            guard let text = rest(afterArguments: 0) else { return .failure(.usage(name)) }
            return .success(.search(text: text))
        case "edit":
            guard let text = rest(afterArguments: 0) else { return .failure(.usage(name)) }
            return .success(.edit(text: text))
        case "delete": return .success(.delete)
        case "reply":
            guard let text = rest(afterArguments: 0) else { return .failure(.usage(name)) }
            return .success(.reply(text: text))
        case "attach":
            guard let path = rest(afterArguments: 0) else { return .failure(.usage(name)) }
            return .success(.attach(path: path))
        case "save":
            guard arguments.count >= 2, let number = Int(arguments[0]), let path = rest(afterArguments: 1) else {
                return .failure(.usage(name))
            }
            return .success(.save(number: number, path: path))
        case "preview", "play":
            guard arguments.count == 1, let number = Int(arguments[0]) else { return .failure(.usage(name)) }
            return .success(name == "play" ? .play(number: number) : .preview(number: number))
        case "stop": return .success(.stop)
        case "camera":
            guard arguments.isEmpty || arguments.map({ $0.lowercased() }) == ["list"] else {
                return .failure(.usage(name))
            }
            return .success(.camera(list: !arguments.isEmpty))
        case "service":
            guard arguments.count == 2, let action = ServiceAction(rawValue: arguments[0].lowercased()) else {
                return .failure(.usage(name))
            }
            return .success(.service(action, name: arguments[1].lowercased()))
        case "debug": return .success(.debug)
        case "help": return .success(.help(topic: arguments.first.map { $0.lowercased().trimmingSlash }))
        case "quit", "exit": return .success(.quit)
        default:
            return .failure(CommandError("unknown command /\(name); /help lists the commands"))
        }
    }
}

extension String {
    fileprivate var trimmingSlash: String { hasPrefix("/") ? String(dropFirst()) : self }
}
