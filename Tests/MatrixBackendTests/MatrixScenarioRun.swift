import Foundation
import ParleyTestKit
import ScenarioRunner

extension MatrixBackendSuites {
    /// Runs a scenario script against the test homeserver on `directory`, each user an app instance over a
    /// data directory of its own below it, with requests given a deadline a loaded machine can meet.
    static func runScenario(_ text: String, named file: String, in directory: TemporaryDirectory) async throws
        -> ScenarioRunner.Report
    {
        let settings = directory.file("config.toml")
        try Data("[services]\nrequest_timeout_ms = 60000\n".utf8).write(to: settings)
        return try await ScenarioRunner.run(
            try ScenarioScript.parse(text, file: file),
            options: .init(
                dataDirectory: directory.dataDirectory.path, configPath: settings.path, outputDirectory: directory.url
            ))
    }
}
