import Foundation
import Logging
import MatrixClient
import ParleyConfig
import ParleyContracts
import ParleyStorage

/// Where an app instance keeps its state and what the user has set: resolved once at start-up.
public struct AppEnvironment: Sendable {
    public let dataDirectory: DataDirectory
    public let settings: Settings
    public let logger: Logger
    /// The colour setting, read once from `settings`.
    public var colors: ColorChoice { ColorChoice(rawValue: settings.interface.colors) ?? .auto }
    /// What the user should know before anything else (a data directory others can read), one sentence each.
    public let warnings: [String]
    /// The homeserver the account, messaging and attachment services use; nil for the local data directory.
    public let server: Homeserver?

    /// Resolves the data directory and settings, prepares the directory (0700) and opens its log file.
    /// - Parameters:
    ///   - dataPath: `--data DIR`, if given.
    ///   - configPath: `--config FILE`, if given; otherwise the XDG location.
    ///   - cameraDevice: `--camera DEVICE`, if given; it overrides `camera.device`.
    ///   - serverURL: `--server URL`, if given; otherwise `$PARLEY_SERVER`, else `server.url` in the settings.
    ///     Plain http is refused unless it is loopback (`MatrixError.insecureServer`).
    public static func resolve(
        dataPath: String?, configPath: String?, cameraDevice: String? = nil, serverURL: String? = nil,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws -> AppEnvironment {
        let dataDirectory = DataDirectory.resolve(explicit: dataPath, environment: environment)
        let configURL =
            configPath.map { URL(fileURLWithPath: $0) }
            ?? SettingsLoader.defaultLocation(environment: environment)
        var settings = try SettingsLoader.load(from: configURL)
        if let cameraDevice { settings.camera.device = cameraDevice }
        // https://no-color.org: set and not empty, it turns every colour off, whatever the settings say.
        if let noColor = environment["NO_COLOR"], !noColor.isEmpty {
            settings.interface.colors = ColorChoice.none.rawValue
        }
        let serverText = [serverURL, environment["PARLEY_SERVER"], settings.server.url]
            .compactMap { $0 }.first { !$0.isEmpty }
        let server = try serverText.map(Homeserver.init)
        try dataDirectory.prepare()
        let sink = try FileLogHandler.Sink(url: dataDirectory.file("parley.log"))
        let logger = Logger(label: "parley") { FileLogHandler(label: $0, sink: sink) }
        let warnings = [dataDirectory.exposure()].compactMap { $0 }
        for warning in warnings { logger.warning("\(warning)") }
        return AppEnvironment(
            dataDirectory: dataDirectory, settings: settings, logger: logger, warnings: warnings, server: server)
    }

    /// The same environment chatting through the homeserver at `url` (checked as `--server` is).
    public func with(server url: String) throws -> AppEnvironment {
        AppEnvironment(
            dataDirectory: dataDirectory, settings: settings, logger: logger, warnings: warnings,
            server: try Homeserver(url))
    }

    /// The same environment on a data directory of `name`'s own inside this one, as when several people
    /// on one machine each chat through a homeserver.
    public func person(_ name: String) -> AppEnvironment {
        AppEnvironment(
            dataDirectory: DataDirectory(dataDirectory.url.appendingPathComponent(name, isDirectory: true)),
            settings: settings, logger: logger, warnings: warnings, server: server)
    }

    /// Why `url` cannot be a homeserver address, in one sentence; nil when it can.
    public static func problem(withServer url: String) -> String? {
        do {
            _ = try Homeserver(url)
            return nil
        } catch {
            return error.description
        }
    }
}
