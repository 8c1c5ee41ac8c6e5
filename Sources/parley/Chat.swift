import ArgumentParser
import ParleyApp
import ParleyContracts
import ParleyViews
import TerminalBackend

/// `parley [chat]`: the app in this terminal.
struct Chat: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Chat in this terminal (the default).")

    @Option(help: "The data directory (default: $PARLEY_DATA, else $XDG_DATA_HOME/parley).")
    var data: String?

    @Option(help: "The settings file (default: $XDG_CONFIG_HOME/parley/config.toml).")
    var config: String?

    @Option(
        help:
            "A Matrix homeserver to chat through, e.g. https://matrix.example.org (default: $PARLEY_SERVER, else server.url in the settings, else none: the local data directory)."
    )
    var server: String?

    func run() async throws {
        let environment = try reportingFailure {
            try AppEnvironment.resolve(dataPath: data, configPath: config, serverURL: server)
        }
        let (inputs, inputSink) = AsyncStream<TerminalInput>.makeStream()
        let terminal = try reportingFailure {
            try NcursesTerminal(colors: environment.settings.interface.colors) { inputSink.yield($0) }
        }
        let showTimestamps = environment.settings.interface.showTimestamps
        let app = await AppInstance.start(environment, width: terminal.width, height: terminal.height) { state in
            terminal.present(ChatScreenView(state: state, showTimestamps: showTimestamps).render())
        }
        let forwarding = Task {
            for await input in inputs { app.loop.send(.input(input)) }
        }
        await app.loop.run()
        forwarding.cancel()
        await terminal.stop()
        await app.close()
    }
}
