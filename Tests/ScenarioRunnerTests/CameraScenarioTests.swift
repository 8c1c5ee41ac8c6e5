import Foundation
import ParleyContracts
import ParleyTestKit
import ScenarioRunner
import Testing

/// The camera end to end: real app instances with FFmpeg's virtual camera, a still taken, sent and saved.
@Suite(.timeLimit(.minutes(4)))
struct CameraScenarioTests {
    static let testPattern = "lavfi:testsrc2=size=640x480:rate=30"

    /// On FFmpeg's virtual camera, with deadlines long enough for signing up (scrypt) in a debug build on a
    /// busy machine.
    static func options(_ directory: TemporaryDirectory) throws -> ScenarioRunner.Options {
        let settings = directory.file("config.toml")
        try Data("[services]\nrequest_timeout_ms = 60000\n".utf8).write(to: settings)
        var options = ScenarioRunTests.options(directory)
        options.configPath = settings.path
        options.cameraDevice = testPattern
        return options
    }

    @Test func aStillAliceSendsIsSavedByBobByteForByte() async throws {
        let directory = TemporaryDirectory("scenario-camera")
        defer { directory.remove() }
        let saved = directory.file("from-alice.jpg")
        let script = ScenarioRunTests.script(
            [.size(width: 100, height: 30), .timeout(.seconds(60))] + ScenarioRunTests.signUp("alice")
                + ScenarioRunTests.signUp("bob") + [
                    .user("alice"), .send("/camera"), .expectScreenContains("Space takes a still"),
                    .press(.character(" ")), .expectScreenContains("Enter sends it"),
                    .press(.enter), .expectScreenLacks("Space takes a still"),
                    .user("bob"), .expectScreenContains("[1] photo-"), .expectScreenContains("image/jpeg"),
                    .send("/save 1 \(saved.path)"), .expectScreenContains("saved to"),
                ])
        _ = try await ScenarioRunner.run(script, options: try Self.options(directory))

        let stills = try FileManager.default.contentsOfDirectory(
            at: directory.dataDirectory.url.appendingPathComponent("camera"), includingPropertiesForKeys: nil)
        #expect(stills.count == 1)
        let still = try #require(stills.first)
        #expect(try Data(contentsOf: saved) == Data(contentsOf: still))
        #expect(try Data(contentsOf: saved).prefix(3) == Data([0xFF, 0xD8, 0xFF]))
    }

    @Test func stoppingTheCameraServiceClosesTheViewfinder() async throws {
        let directory = TemporaryDirectory("scenario-camera-stop")
        defer { directory.remove() }
        let script = ScenarioRunTests.script(
            [.size(width: 100, height: 30), .timeout(.seconds(60))] + ScenarioRunTests.signUp("alice") + [
                .send("/camera"), .expectScreenContains("Space takes a still"),
                // The panel shows the capture; the camera is its fifth service, stopped with Space
                .press(.function(12)), .expectScreenContains("camera: \(Self.testPattern) · "),
                .expectScreenContains("captured/s"),
                .press(.down), .press(.down), .press(.down), .press(.down), .press(.character(" ")),
                .expectService(name: "camera", state: .stopped), .press(.function(12)),
                .expectScreenLacks("Space takes a still"),
                .send("/camera"), .expectScreenContains("camera unavailable: "),
                // Everything else goes on
                .send("still chatting"), .expectScreenContains("alice: still chatting"),
            ])
        _ = try await ScenarioRunner.run(script, options: try Self.options(directory))
    }
}
