import ParleyCore
import Testing

struct CommandTests {
    @Test(arguments: [
        ("/register alice secret123", Command.register(name: "alice", password: "secret123", displayName: nil)),
        (
            "/register alice secret123 Alice  Liddell",
            .register(name: "alice", password: "secret123", displayName: "Alice  Liddell")
        ),
        ("/login bob hunter22", .login(name: "bob", password: "hunter22")),
        ("/LOGOUT", .logout),
        ("/join #rust", .join(room: "#rust")),
        ("/part", .part),
        ("/msg bob hello  there", .message(to: "bob", text: "hello  there")),
        ("/query carol", .query(name: "carol")),
        ("/nick The Doctor", .nick(displayName: "The Doctor")),
        ("/status", .status(text: "")),
        ("/status out to lunch", .status(text: "out to lunch")),
        ("/who", .who),
        ("/search tea time", .search(text: "tea time")),
        ("/service stop messaging", .service(.stop, name: .messaging)),
        ("/service Restart Account", .service(.restart, name: .account)),
        ("/debug", .debug),
        ("/help", .help(topic: nil)),
        ("/help /join", .help(topic: "join")),
        ("/quit", .quit),
    ])
    func parses(_ line: String, _ expected: Command) throws {
        #expect(try Command.parse(line).get() == expected)
    }

    @Test(arguments: [
        ("/login alice", "usage: /login NAME PASSWORD"),
        ("/register alice", "usage: /register NAME PASSWORD [DISPLAY NAME]"),
        ("/msg bob", "usage: /msg NAME TEXT"),
        ("/service pause account", "usage: /service stop|start|restart NAME"),
        ("/frobnicate", "unknown command /frobnicate; /help lists the commands"),
        ("/", "type a command after the /"),
    ])
    func refusesWithOneSentence(_ line: String, _ message: String) {
        #expect(throws: CommandError.self) { try Command.parse(line).get() }
        if case let .failure(error) = Command.parse(line) { #expect(error.description == message) }
    }

    /// The usage of `spec` with every placeholder filled in: `/save N PATH` becomes `/save 1 1`.
    static func example(of spec: CommandSpec) -> String {
        spec.usage.replacingOccurrences(of: "[", with: "").replacingOccurrences(of: "]", with: "")
            .split(separator: " ").map { word in word.contains("|") ? "stop" : word.uppercased() == word ? "1" : word }
            .joined(separator: " ")
    }

    @Test func everyUsageInTheTableParsesAsItsOwnCommand() throws {
        for spec in CommandTable.all {
            let command = try Command.parse(Self.example(of: spec)).get()
            #expect(command.spec.name == spec.name, "\(Self.example(of: spec))")
        }
        #expect(try Command.parse("/EXIT").get() == .quit)
    }

    @Test func onlyTheTablesPasswordArgumentIsMasked() {
        #expect(InputMask.displayed("/login bob hunter22") == "/login bob ••••••••")
        #expect(InputMask.displayed("/Register bob pw Bob Smith") == "/Register bob •• Bob Smith")
        #expect(InputMask.displayed("/msg bob hunter22") == "/msg bob hunter22")
        #expect(InputMask.displayed("/login") == "/login")
        #expect(CommandTable.all.filter { $0.maskedArgument != nil }.map(\.name) == ["register", "login"])
    }

    @Test func helpNamesEveryCommandAndExplainsOne() {
        #expect(CommandHelp.text(for: nil).contains("/register"))
        #expect(CommandHelp.text(for: "who") == "/who — list the room's members, their presence and what each has read")
        #expect(CommandHelp.text(for: "nope") == "no command /nope; /help lists the commands")
    }

    @Test func helpOpensAnOverlayListingEveryCommandAndEscClosesIt() {
        var state = AppState(width: 100, height: 30, services: [], clientID: "c")
        _ = ChatFlowTests.type("/help", into: &state)
        let lines = state.chat.overlay?.lines ?? []
        #expect(lines.count == CommandTable.all.count)
        for (line, spec) in zip(lines, CommandTable.all) {
            #expect(line.hasPrefix("/\(spec.name) ") && line.hasSuffix(spec.summary))
        }
        _ = update(&state, .input(.key(.escape)))
        #expect(state.chat.overlay == nil)
    }

    @Test func helpWithACommandShowsItsUsageAndWhatItDoes() {
        var state = AppState(width: 100, height: 30, services: [], clientID: "c")
        _ = ChatFlowTests.type("/help /save", into: &state)
        #expect(state.chat.overlay?.title == "/save (Esc closes)")
        #expect(state.chat.overlay?.lines.prefix(2) == ["usage: /save N PATH", "save attachment N to a file"])
        _ = ChatFlowTests.type("/help nope", into: &state)
        #expect(state.notice == "no command /nope; /help lists the commands")
    }
}
