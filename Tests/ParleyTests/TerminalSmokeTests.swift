import Foundation
import ParleyTestKit
import Testing

/// Parley as a user runs it: the built binary in a real terminal (tmux), and from a shell without one.
@Suite(.timeLimit(.minutes(2)))
struct TerminalSmokeTests {
    @Test func startsWelcomesOpensTheServicePanelAndQuitsCleanly() async throws {
        let directory = TemporaryDirectory("smoke")
        defer { directory.remove() }
        let session = try TmuxSession.parley(in: directory)
        defer { session.kill() }

        #expect(await session.waitFor("Welcome to Parley"), "screen was:\n\(session.screen())")
        session.send("F12")
        #expect(await session.waitFor("messaging  running"), "screen was:\n\(session.screen())")
        #expect(session.screen().contains("account    running"))
        // Space stops the selected service (account); the title bar names what is down.
        session.send("Space")
        #expect(await session.waitFor("account stopped · F12"), "screen was:\n\(session.screen())")
        session.send("Space")
        #expect(await session.waitFor("account    running"), "screen was:\n\(session.screen())")
        session.send("F12")
        session.enter("/quit")
        #expect(await eventually { session.hasExited }, "screen was:\n\(session.screen())")
        #expect(session.exitStatus == 0)
        let log = try String(contentsOf: directory.dataDirectory.file("parley.log"), encoding: .utf8)
        #expect(log.contains("messaging running"))
        #expect(log.contains("parley stopped"))
    }

    @Test func withoutATerminalItSaysWhatItNeeds() throws {
        let directory = TemporaryDirectory("noterm")
        defer { directory.remove() }
        let result = try runCommand(
            builtProduct("parley"),
            ["--data", directory.dataDirectory.path, "--config", directory.file("none.toml").path])
        #expect(result.status == 1)
        #expect(result.errorOutput.contains("parley needs a terminal"))
        #expect(result.errorOutput.split(separator: "\n").count == 1)
    }

    @Test func aBadSettingIsNamedWithItsFile() throws {
        let directory = TemporaryDirectory("badconfig")
        defer { directory.remove() }
        let config = directory.file("config.toml")
        try "[services]\nrequest_timeout_ms = \"soon\"\n".write(to: config, atomically: true, encoding: .utf8)
        let result = try runCommand(
            builtProduct("parley"), ["--data", directory.dataDirectory.path, "--config", config.path])
        #expect(result.status == 1)
        #expect(result.errorOutput.contains("services.request_timeout_ms"))
        #expect(result.errorOutput.contains(config.path))
    }
}
