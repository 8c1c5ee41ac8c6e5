import Foundation
import Logging
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

    /// Resolves the data directory and settings, prepares the directory (0700) and opens its log file.
    /// - Parameters:
    ///   - dataPath: `--data DIR`, if given.
    ///   - configPath: `--config FILE`, if given; otherwise the XDG location.
    ///   - cameraDevice: `--camera DEVICE`, if given; it overrides `camera.device`.
    public static func resolve(
        dataPath: String?, configPath: String?, cameraDevice: String? = nil,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws -> AppEnvironment {
        let dataDirectory = DataDirectory.resolve(explicit: dataPath, environment: environment)
        let configURL =
            configPath.map { URL(fileURLWithPath: $0) }
            ?? SettingsLoader.defaultLocation(environment: environment)
        var settings = try SettingsLoader.load(from: configURL)
        if let cameraDevice { settings.camera.device = cameraDevice }
        try dataDirectory.prepare()
        let sink = try FileLogHandler.Sink(url: dataDirectory.file("parley.log"))
        let logger = Logger(label: "parley") { FileLogHandler(label: $0, sink: sink) }
        let warnings = [dataDirectory.exposure()].compactMap { $0 }
        for warning in warnings { logger.warning("\(warning)") }
        return AppEnvironment(dataDirectory: dataDirectory, settings: settings, logger: logger, warnings: warnings)
    }
}
