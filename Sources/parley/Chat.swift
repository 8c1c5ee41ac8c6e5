import ArgumentParser
import Foundation
import ParleyApp
import ParleyContracts
import ParleyViews
import TerminalBackend

/// `parley [chat]`: the app in this terminal.
struct Chat: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Chat in this terminal (what `parley` alone does).")

    @OptionGroup var options: ChatOptions

    func run() async throws {
        try await Self.run(options)
    }

    static func run(_ options: ChatOptions) async throws {
        let (data, config) = (options.data, options.config)
        let environment = try reportingFailure {
            try AppEnvironment.resolve(
                dataPath: data, configPath: config, cameraDevice: options.camera, serverURL: options.server)
        }
        let (inputs, inputSink) = AsyncStream<TerminalInput>.makeStream()
        let terminal = try reportingFailure {
            try NcursesTerminal(colors: environment.colors) { inputSink.yield($0) }
        }
        let showTimestamps = environment.settings.interface.showTimestamps
        let showsColors = environment.colors.showsColors
        // Drawn before the services start: opening their stores takes far longer than a frame. With a kept
        // session, the user's last screen, which the loop then shows until the services answer. Keys typed
        // meanwhile wait in `inputs` for the loop.
        let opening = AppInstance.openingScreen(environment)
        terminal.present(
            ChatScreenView.beforeServices(
                width: terminal.width, height: terminal.height, opening: opening, showTimestamps: showTimestamps,
                showsColors: showsColors
            ).render())
        let app = await AppInstance.start(
            environment, width: terminal.width, height: terminal.height, palette: terminal.palette,
            ringBell: { terminal.ringBell() }, opening: opening
        ) { state in
            terminal.present(
                ChatScreenView(
                    state: state, showTimestamps: showTimestamps, timeZone: LocalTimeZone.forScreen(of: state),
                    now: Date(), showsColors: showsColors
                ).render())
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

/// The chat's options, taken by `parley` alone and by `parley chat`.
struct ChatOptions: ParsableArguments {
    @Option(help: "The data directory (default: $PARLEY_DATA, else $XDG_DATA_HOME/parley).")
    var data: String?

    @Option(help: "The settings file (default: $XDG_CONFIG_HOME/parley/config.toml).")
    var config: String?

    @Option(help: "The camera: a V4L2 device (default /dev/video0), or lavfi:GRAPH for FFmpeg's virtual input.")
    var camera: String?

    @Option(
        help:
            "A Matrix homeserver to chat through, e.g. https://matrix.example.org (default: $PARLEY_SERVER, else server.url in the settings, else none: the local data directory)."
    )
    var server: String?
}
