import Foundation
import ParleyApp
import ParleyTestKit
import Testing

/// Which homeserver an app instance uses: `--server`, else `$PARLEY_SERVER`, else `server.url`; none means
/// the local data directory. Plain http is refused unless it is loopback.
struct ServerChoiceTests {
    func resolve(flag: String?, environment: [String: String] = [:], config: String = "") throws -> String? {
        let directory = TemporaryDirectory("server-choice")
        defer { directory.remove() }
        let settings = directory.file("config.toml")
        try Data(config.utf8).write(to: settings)
        let resolved = try AppEnvironment.resolve(
            dataPath: directory.dataDirectory.path, configPath: settings.path, serverURL: flag,
            environment: environment)
        return resolved.server?.description
    }

    @Test func theFlagThenTheEnvironmentThenTheSettingsChooseTheServer() throws {
        let config = "[server]\nurl = \"https://settings.example.org\""
        #expect(try resolve(flag: nil) == nil)
        #expect(try resolve(flag: nil, config: config) == "https://settings.example.org")
        #expect(
            try resolve(flag: nil, environment: ["PARLEY_SERVER": "https://env.example.org"], config: config)
                == "https://env.example.org")
        #expect(
            try resolve(
                flag: "https://flag.example.org/", environment: ["PARLEY_SERVER": "https://env.example.org"],
                config: config) == "https://flag.example.org")
        #expect(try resolve(flag: "http://127.0.0.1:8008") == "http://127.0.0.1:8008")
    }

    @Test func plainHTTPToAnotherMachineIsRefusedWithASentenceSayingWhy() {
        #expect(
            AppEnvironment.problem(withServer: "http://matrix.example.org")
                == "http://matrix.example.org uses plain http to another machine, which would send passwords "
                + "unencrypted; use https://.")
        #expect(AppEnvironment.problem(withServer: "https://matrix.example.org") == nil)
        #expect(throws: (any Error).self) { try resolve(flag: "ftp://matrix.example.org") }
    }
}
