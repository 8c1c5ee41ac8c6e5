import Foundation
import ParleyTestKit
import Testing

/// `/quit` ends the real `parley` process whatever its services are doing, and what was sent but not yet
/// stored is safe on disk, in the outbox, for the next sign-in (issue 9, defect 8). How fast it ends is a
/// figure of `make soak` (`quit.wall_ms`), not a test's limit.
@Suite(.timeLimit(.minutes(3)))
struct QuitInTerminalTests {
    @Test func quitEndsTheProcessWithMessagingStalledAndKeepsThePendingMessages() async throws {
        let directory = TemporaryDirectory("quit-stalled")
        defer { directory.remove() }
        let files = ParleyDataFiles(directory: directory)
        let parley = try TmuxSession.parley(in: directory)
        defer { parley.kill() }
        let texts = (1...8).map { "before quitting \($0)" }

        // Given messaging stalled by the debug panel's fault keys (each request held 500 ms, then failed) and
        // eight messages sent, each on its way or waiting to go again
        await parley.signUp("alice", password: "password-of-alice")
        parley.send("F12")
        parley.send("Down")
        parley.send("s", literal: true)
        #expect(await parley.waitFor("messaging: slow"), "screen was:\n\(parley.screen())")
        parley.send("f", literal: true)
        #expect(await parley.waitFor("messaging: failing every request"), "screen was:\n\(parley.screen())")
        parley.send("F12")
        for text in texts { parley.enter(text) }
        #expect(await parley.waitFor("alice: before quitting 8"), "screen was:\n\(parley.screen())")

        // When the user quits at once
        parley.enter("/quit")

        // Then the process ends, nothing was stored, and the eight wait in the outbox in the order written
        #expect(await eventually { parley.hasExited }, "screen was:\n\(parley.screen())")
        #expect(parley.exitStatus == 0)
        #expect(try files.stored() == [])
        #expect(try files.outboxTexts(of: "alice") == texts)
    }
}
