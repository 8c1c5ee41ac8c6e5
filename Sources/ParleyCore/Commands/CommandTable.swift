import ParleyContracts

/// Every command the input line knows, one row each: how it is written, what it does, whether it needs a
/// session, which word is a password, and how its arguments become a `Command`. Parsing, masking, `/help` and
/// Tab completion all read this table, so a new command is one row here and one case in `Command`.
public enum CommandTable {
    public static let all: [CommandSpec] = [
        CommandSpec(
            "register", "/register NAME PASSWORD [DISPLAY NAME]", "create an account and sign in",
            needsSession: false, maskedArgument: 1
        ) { arguments in
            guard arguments.count >= 2 else { return nil }
            return .register(name: arguments[0], password: arguments[1], displayName: arguments.rest(after: 2))
        },
        CommandSpec("login", "/login NAME PASSWORD", "sign in", needsSession: false, maskedArgument: 1) { arguments in
            arguments.count == 2 ? .login(name: arguments[0], password: arguments[1]) : nil
        },
        CommandSpec("logout", "/logout", "sign out") { _ in .logout },
        CommandSpec("join", "/join #room", "join (or create) a public room and switch to it") { arguments in
            arguments.count == 1 ? .join(room: arguments[0]) : nil
        },
        CommandSpec("part", "/part", "leave the current room") { _ in .part },
        CommandSpec("msg", "/msg NAME TEXT", "send a direct message") { arguments in
            guard arguments.count >= 2, let text = arguments.rest(after: 1) else { return nil }
            return .message(to: arguments[0], text: text)
        },
        CommandSpec("query", "/query NAME", "open a direct conversation") { arguments in
            arguments.count == 1 ? .query(name: arguments[0]) : nil
        },
        CommandSpec("nick", "/nick DISPLAY NAME", "change your display name") { arguments in
            arguments.rest(after: 0).map { .nick(displayName: $0) }
        },
        CommandSpec("status", "/status TEXT", "set your status text (empty clears it)") { arguments in
            .status(text: arguments.rest(after: 0) ?? "")
        },
        CommandSpec("who", "/who", "list the room's members, their presence and what each has read") { _ in .who },
        CommandSpec(
            "search", "/search TEXT", "search the messages of your rooms (Ctrl-R searches the current one)"
        ) { arguments in
            arguments.rest(after: 0).map { .search(text: $0) }
        },
        CommandSpec("edit", "/edit TEXT", "replace the text of your last message in this room") { arguments in
            arguments.rest(after: 0).map { .edit(text: $0) }
        },
        CommandSpec("delete", "/delete", "delete your last message in this room") { _ in .delete },
        CommandSpec("reply", "/reply TEXT", "reply to the last message someone else sent in this room") {
            arguments in
            arguments.rest(after: 0).map { .reply(text: $0) }
        },
        CommandSpec(
            "react", "/react [N] EMOJI",
            "react to message N, numbered as you type (the newest without N)"
        ) { arguments in
            switch arguments.count {
            case 1: .react(number: nil, key: arguments[0])
            case 2: Int(arguments[0]).map { .react(number: $0, key: arguments[1]) }
            default: nil
            }
        },
        CommandSpec("unreact", "/unreact [N]", "take back your reactions to message N (the newest without N)") {
            arguments in
            switch arguments.count {
            case 0: .unreact(number: nil)
            case 1: Int(arguments[0]).map { .unreact(number: $0) }
            default: nil
            }
        },
        CommandSpec("attach", "/attach PATH", "send a file to the current room") { arguments in
            arguments.rest(after: 0).map { .attach(path: $0) }
        },
        CommandSpec("save", "/save N PATH", "save attachment N to a file") { arguments in
            guard arguments.count >= 2, let number = Int(arguments[0]), let path = arguments.rest(after: 1) else {
                return nil
            }
            return .save(number: number, path: path)
        },
        CommandSpec(
            "preview", "/preview N", "show attachment N: an image, a sound's waveform, or a file's first lines"
        ) { arguments in
            arguments.count == 1 ? Int(arguments[0]).map { .preview(number: $0) } : nil
        },
        CommandSpec("play", "/play N", "play attachment N (a sound)") { arguments in
            arguments.count == 1 ? Int(arguments[0]).map { .play(number: $0) } : nil
        },
        CommandSpec("stop", "/stop", "stop playing", needsSession: false) { _ in .stop },
        CommandSpec(
            "camera", "/camera [list]", "open the camera (Space takes a still, Enter sends it), or list the cameras"
        ) { arguments in
            switch arguments.count {
            case 0: .camera(list: false)
            case 1 where arguments[0].lowercased() == "list": .camera(list: true)
            default: nil
            }
        },
        CommandSpec(
            "service", "/service stop|start|restart NAME", "control a service of this app", needsSession: false
        ) { arguments in
            guard arguments.count == 2, let action = ServiceAction(rawValue: arguments[0].lowercased()) else {
                return nil
            }
            return .service(action, name: ServiceName(rawValue: arguments[1].lowercased()))
        },
        CommandSpec("debug", "/debug", "open or close the debug panel (also F12)", needsSession: false) { _ in
            .debug
        },
        CommandSpec("help", "/help [COMMAND]", "list the commands, or explain one", needsSession: false) {
            arguments in
            .help(topic: arguments.first.map { $0.lowercased().hasPrefix("/") ? String($0.dropFirst()) : $0 })
        },
        CommandSpec("quit", "/quit", "leave Parley", aliases: ["exit"], needsSession: false) { _ in .quit },
    ]

    /// The row for `name` as typed (any case, with or without its `/`), counting aliases such as `/exit`.
    public static func spec(named name: some StringProtocol) -> CommandSpec? {
        let name = name.lowercased().hasPrefix("/") ? String(name.lowercased().dropFirst()) : name.lowercased()
        return all.first { $0.name == name || $0.aliases.contains(name) }
    }
}
