import ArgumentParser

/// `parley`: the messenger in the terminal, and its scenario runner. Argument parsing and wiring only.
///
/// With no subcommand it chats. The chat's options belong to `chat` alone, so that `parley script FILE
/// --data DIR` gives the directory to the script, not to a parent that would swallow it; `parley --help` lists
/// them all the same.
@main
struct Parley: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parley", abstract: "A messenger for the terminal, built from services.",
        usage: """
            parley [--data <data>] [--config <config>] [--camera <camera>] [--server <url>]
              parley script <file> [--data <data>] [--config <config>] [--output <output>] [--camera <camera>]
                [--server <url>]
            """,
        discussion: """
            With no subcommand, parley chats in this terminal. Its options:
              --data <data>       The data directory (default: $PARLEY_DATA, else $XDG_DATA_HOME/parley).
              --config <config>   The settings file (default: $XDG_CONFIG_HOME/parley/config.toml).
              --camera <camera>   The camera: a V4L2 device (default /dev/video0), or lavfi:GRAPH.
              --server <url>      A Matrix homeserver to chat through (default: $PARLEY_SERVER).
            """,
        version: "parley \(parleyVersion)", subcommands: [Chat.self, Script.self], defaultSubcommand: Chat.self)
}

/// The version `parley --version` prints.
let parleyVersion = "0.1.0-dev"
