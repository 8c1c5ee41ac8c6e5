/// One row of `CommandTable`: a command as the user types it and what the app needs to know about it.
public struct CommandSpec: Sendable {
    /// The name after the `/`, in lower case.
    public let name: String
    /// How it is written, as `/help` and usage errors show it.
    public let usage: String
    /// What it does, in a few words.
    public let summary: String
    /// Other names typed for it (`/exit` for `/quit`).
    public let aliases: [String]
    /// Whether it acts for the signed-in user: `run` checks for a session once, from this.
    public let needsSession: Bool
    /// Which argument (0 is the first after the name) is a password, shown masked while it is typed.
    public let maskedArgument: Int?
    /// The command its arguments make, or nil when they do not fit `usage`.
    let parse: @Sendable (CommandArguments) -> Command?

    init(
        _ name: String, _ usage: String, _ summary: String, aliases: [String] = [], needsSession: Bool = true,
        maskedArgument: Int? = nil, parse: @escaping @Sendable (CommandArguments) -> Command?
    ) {
        self.name = name
        self.usage = usage
        self.summary = summary
        self.aliases = aliases
        self.needsSession = needsSession
        self.maskedArgument = maskedArgument
        self.parse = parse
    }
}

/// The words typed after a command's name, and the rest of the line after some of them, spacing kept.
struct CommandArguments {
    let words: [String]
    /// The line after the command's name, as typed.
    private let tail: Substring

    init(line: String) {
        let afterSlash = line.dropFirst().drop(while: { $0 == " " })
        tail = afterSlash.drop(while: { $0 != " " }).drop(while: { $0 == " " })
        words = tail.split(separator: " ").map(String.init)
    }

    var count: Int { words.count }
    var first: String? { words.first }
    subscript(index: Int) -> String { words[index] }

    /// The line after the first `count` arguments, spacing kept as typed; nil when nothing follows them.
    func rest(after count: Int) -> String? {
        var remainder = tail
        for _ in 0..<count { remainder = remainder.drop(while: { $0 != " " }).drop(while: { $0 == " " }) }
        return remainder.isEmpty ? nil : String(remainder)
    }
}
