import Foundation
import GRDB
import ParleyTestKit
import ScenarioRunner
import Testing

/// `/attach` with the attachment service off, through real services: the file waits in the outbox, across a
/// restart of the app, and goes once the service is there (issue 12, DESIGN's degraded modes).
@Suite(.timeLimit(.minutes(3)))
struct QueuedFileWithServicesTests {
    @Test func aFileAttachedWhileTheServiceIsOffIsSentAfterTheAppStartsAgain() async throws {
        let directory = TemporaryDirectory("outbox-file")
        defer { directory.remove() }
        let note = directory.file("note.txt")
        try Data("a note worth sharing\n".utf8).write(to: note)
        try await OutboxWithServicesTests.run(
            [
                .user("alice"), .send("/register alice password-of-alice"), .expectScreenContains("1 #general"),
                .send("/service stop attachment"), .expectService(name: "attachment", state: .stopped),
                .send("/attach \(note.path)"), .expectScreenContains("alice: 📎 note.txt (pending)"),
                .send("after the note"), .expectOutbox(2),
                .send("/quit"),
            ] + OutboxWithServicesTests.signIn("alice", as: "alice") + [
                .expectScreenContains("note.txt (21 B, text/plain)"), .expectScreenLacks("(pending)"), .expectOutbox(0),
            ], in: directory)
        #expect(try OutboxWithServicesTests.stored(in: directory) == ["", "after the note"])
    }
}
