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
        ("/service stop messaging", .service(.stop, name: "messaging")),
        ("/service Restart Account", .service(.restart, name: "account")),
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

    @Test func helpNamesEveryCommandAndExplainsOne() {
        #expect(CommandHelp.text(for: nil).contains("/register"))
        #expect(CommandHelp.text(for: "who") == "/who — list the members of the current room and their presence")
        #expect(CommandHelp.text(for: "nope") == "no command /nope; /help lists the commands")
    }
}
