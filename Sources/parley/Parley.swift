import ArgumentParser

/// `parley`: the messenger in the terminal, and its scenario runner. Argument parsing and wiring only.
///
/// With no subcommand it chats, and its options are the chat's, so `parley --help` shows them.
@main
struct Parley: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parley", abstract: "A messenger for the terminal, built from services.",
        version: "parley \(parleyVersion)", subcommands: [Chat.self, Script.self])

    @OptionGroup var options: ChatOptions

    func run() async throws {
        try await Chat.run(options)
    }
}

/// The version `parley --version` prints.
let parleyVersion = "0.1.0-dev"
