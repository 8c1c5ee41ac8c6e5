import Foundation

/// The Synapse homeserver `scripts/homeserver` starts for the tests (`make test` runs them inside it).
///
/// Tests that need it call `TestHomeserver.current()`: it throws the script's sentence when the server
/// could not be installed or started, so those tests fail (never skip) saying why.
public struct TestHomeserver: Sendable {
    /// What went wrong when there is no homeserver to test against.
    public struct Unavailable: Error, CustomStringConvertible {
        public let description: String
    }

    /// `http://127.0.0.1:PORT`.
    public let url: String
    /// The server's `homeserver.yaml`, for `register_new_matrix_user`.
    public let configPath: String?
    /// The virtual environment Synapse runs from.
    public let venvPath: String?

    /// The homeserver of this test run, or `Unavailable` with the reason.
    public static func current() throws -> TestHomeserver {
        let environment = ProcessInfo.processInfo.environment
        if let url = environment["PARLEY_TEST_HOMESERVER"], !url.isEmpty {
            return TestHomeserver(
                url: url, configPath: environment["PARLEY_TEST_HOMESERVER_CONFIG"],
                venvPath: environment["PARLEY_TEST_HOMESERVER_VENV"])
        }
        if let error = environment["PARLEY_TEST_HOMESERVER_ERROR"], !error.isEmpty {
            throw Unavailable(description: "No test homeserver: \(error)")
        }
        throw Unavailable(
            description:
                "No test homeserver: PARLEY_TEST_HOMESERVER is not set; run the tests with `make test` or "
                + "`scripts/homeserver run -- swift test`.")
    }

    /// A user name no other test (or earlier run) uses: `prefix` and a random suffix, as Matrix allows.
    public static func uniqueUserName(_ prefix: String = "user") -> String {
        "\(prefix.lowercased())-\(UUID().uuidString.prefix(12).lowercased())"
    }

    /// Makes a server admin with Synapse's own `register_new_matrix_user`, for tests of the admin API.
    public func registerAdmin(username: String, password: String) throws {
        guard let configPath, let venvPath else {
            throw Unavailable(description: "The test homeserver's config or venv path is not set.")
        }
        // Through `runCommand`, not Foundation's `Process`, whose `run()` now and then crashes reading
        // /proc/self/fd (swift-corelibs-foundation #5472).
        let result = try runCommand(
            URL(fileURLWithPath: venvPath).appendingPathComponent("bin/register_new_matrix_user"),
            ["-c", configPath, "-u", username, "-p", password, "-a", url])
        guard result.status == 0 else {
            throw Unavailable(description: "register_new_matrix_user failed: \(result.output)\(result.errorOutput)")
        }
    }
}
