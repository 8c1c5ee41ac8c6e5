import Foundation
import ParleyApp
import ParleyContracts
import ServiceRuntime

/// Runs a scenario against virtual screens, with no terminal: each `user` is an app instance of its own,
/// with its own services, and every instance shares one data directory, as several `parley` processes do.
public enum ScenarioRunner {
    public struct Options: Sendable {
        /// Nil runs on a fresh temporary data directory, removed afterwards.
        public var dataDirectory: String?
        /// Nil runs with every setting at its default, whatever the user's own settings file says.
        public var configPath: String?
        /// Where `snapshot NAME` writes NAME.txt.
        public var outputDirectory: URL
        /// `--camera DEVICE`: overrides `camera.device`, e.g. with a `lavfi:` graph on a machine with no camera.
        public var cameraDevice: String?

        /// `--server URL`: every session chats through this Matrix homeserver (as the `server` directive).
        public var server: String?

        public init(
            dataDirectory: String? = nil, configPath: String? = nil, outputDirectory: URL, cameraDevice: String? = nil,
            server: String? = nil
        ) {
            self.dataDirectory = dataDirectory
            self.configPath = configPath
            self.outputDirectory = outputDirectory
            self.cameraDevice = cameraDevice
            self.server = server
        }
    }

    /// What a passing run did.
    public struct Report: Sendable, Equatable {
        public let steps: Int
        public let sessions: Int
    }

    /// Runs `script`; throws the first `ScenarioFailure`, or a `ScenarioSyntaxError` for a step that needs a
    /// session before any `user`, before anything runs. Every app instance is stopped before it returns.
    public static func run(_ script: ScenarioScript, options: Options) async throws -> Report {
        try checkSessions(in: script)
        let scratch = try makeScratchDirectory()
        defer { try? FileManager.default.removeItem(at: scratch) }
        // A settings file that does not exist, not the user's own: every setting at its default, so that a
        // scenario runs the same on every machine.
        let environment = try AppEnvironment.resolve(
            dataPath: options.dataDirectory ?? scratch.appendingPathComponent("data").path,
            configPath: options.configPath ?? scratch.appendingPathComponent("no-settings.toml").path,
            cameraDevice: options.cameraDevice, serverURL: options.server)
        let run = ScenarioRun(script: script, environment: environment, outputDirectory: options.outputDirectory)
        do {
            for step in script.steps { try await run.perform(step) }
        } catch {
            await run.closeAll()
            throw error
        }
        await run.closeAll()
        return Report(steps: script.steps.count, sessions: run.sessionsStarted)
    }

    /// Every step that acts on a session must come after a `user`: found before anything runs.
    private static func checkSessions(in script: ScenarioScript) throws(ScenarioSyntaxError) {
        var hasSession = false
        for step in script.steps {
            switch step.directive {
            case .user: hasSession = true
            case .size, .timeout, .wait, .server: break
            default:
                guard hasSession else {
                    throw ScenarioSyntaxError(
                        file: script.file, line: step.line,
                        reason: "\"\(step.source)\" needs a session; start one first with `user NAME`")
                }
            }
        }
    }

    private static func makeScratchDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent(
            "parley-scenario-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
