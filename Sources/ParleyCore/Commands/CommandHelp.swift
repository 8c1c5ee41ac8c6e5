/// `/help` and usage errors, as `CommandTable` describes the commands.
public enum CommandHelp {
    /// Every command, in the order `/help` lists them (Tab completion offers their names).
    public static var entries: [CommandSpec] { CommandTable.all }

    /// The help for `topic` in one line: a command's usage and what it does, or every command's name.
    public static func text(for topic: String?) -> String {
        guard let topic else { return "commands: " + entries.map { "/\($0.name)" }.joined(separator: " ") }
        guard let spec = CommandTable.spec(named: topic) else { return unknown(topic) }
        return "\(spec.usage) — \(spec.summary)"
    }

    /// The overlay `/help` opens: every command with what it does, or one command's usage and summary.
    /// Nil, with `unknown(topic)` to say so, when there is no such command.
    public static func overlay(for topic: String?) -> Overlay? {
        guard let topic else {
            let width = entries.map(\.name.count).max() ?? 0
            let lines = entries.map {
                "/" + $0.name.padding(toLength: width + 2, withPad: " ", startingAt: 0) + $0.summary
            }
            return Overlay(title: "commands — /help COMMAND explains one (Esc closes)", lines: lines)
        }
        guard let spec = CommandTable.spec(named: topic) else { return nil }
        var lines = ["usage: \(spec.usage)", spec.summary]
        if !spec.aliases.isEmpty { lines.append("also: " + spec.aliases.map { "/\($0)" }.joined(separator: " ")) }
        if spec.needsSession { lines.append("needs you signed in (waits for a sign-in under way)") }
        return Overlay(title: "/\(spec.name) (Esc closes)", lines: lines)
    }

    /// The refusal for a help topic that names no command.
    static func unknown(_ topic: String) -> String { "no command /\(topic); /help lists the commands" }
}
