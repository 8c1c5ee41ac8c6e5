import Foundation
import ParleyTestKit
import Testing

/// `parley script` as a user runs it: a file or standard input in, exit status and output checked.
@Suite(.timeLimit(.minutes(3)))
struct ScenarioCommandTests {
    static let example = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Resources/scenarios/two-people-chat.scenario")

    @Test func theExampleScenarioPassesAndWritesItsSnapshot() throws {
        let directory = TemporaryDirectory("script-example")
        defer { directory.remove() }
        let result = try runCommand(
            builtProduct("parley"),
            ["script", Self.example.path, "--output", directory.path, "--config", directory.testSettings().path])
        #expect(result.status == 0, "stderr was:\n\(result.errorOutput)")
        #expect(result.output.contains("steps passed, 2 sessions"))
        let snapshot = try String(contentsOf: directory.file("bob-after-restart.txt"), encoding: .utf8)
        #expect(snapshot.contains("alice: hi bob, how are things?"))
    }

    @Test func theCameraScenarioSendsAStillWithTheVirtualCamera() throws {
        let directory = TemporaryDirectory("script-camera")
        defer { directory.remove() }
        let scenario = Self.example.deletingLastPathComponent().appendingPathComponent("camera-still.scenario")
        let result = try runCommand(
            builtProduct("parley"),
            [
                "script", scenario.path, "--output", directory.path, "--camera",
                "lavfi:testsrc2=size=640x480:rate=30",
            ])
        #expect(result.status == 0, "stderr was:\n\(result.errorOutput)")
        let snapshot = try String(contentsOf: directory.file("alice-sent-a-still.txt"), encoding: .utf8)
        #expect(snapshot.contains("[1] photo-"))
    }

    @Test func aFailingExpectationExitsOneWithTheLineAndTheScreen() throws {
        let directory = TemporaryDirectory("script-fail")
        defer { directory.remove() }
        let script = "user alice\ntimeout 200ms\nexpect screen contains a thing never shown\n"
        let result = try runCommand(
            builtProduct("parley"), ["script", "-", "--data", directory.dataDirectory.path], input: script)
        #expect(result.status == 1)
        #expect(result.errorOutput.hasPrefix("-:3: expect screen contains a thing never shown\n"))
        #expect(result.errorOutput.contains("alice's screen:"))
        #expect(result.errorOutput.contains("Welcome to Parley"))
    }

    @Test func aMalformedScriptExitsTwoNamingTheLine() throws {
        let result = try runCommand(builtProduct("parley"), ["script", "-"], input: "user alice\nexpct outbox 1\n")
        #expect(result.status == 2)
        #expect(result.errorOutput.hasPrefix("parley: -:2: unknown directive \"expct\""))
        #expect(result.errorOutput.split(separator: "\n").count == 1)
    }

    @Test func aMissingScriptExitsTwoSayingSo() throws {
        let result = try runCommand(builtProduct("parley"), ["script", "/nonexistent/none.scenario"])
        #expect(result.status == 2)
        #expect(
            result.errorOutput
                == "parley: cannot read the script /nonexistent/none.scenario: it does not exist or is not readable UTF-8 text\n"
        )
    }
}
