import ArgumentParser

/// `parley`: the messenger in the terminal, and its scenario runner. Argument parsing and wiring only.
@main
struct Parley: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parley", abstract: "A messenger for the terminal, built from services.",
        subcommands: [Chat.self, Script.self], defaultSubcommand: Chat.self)
}
