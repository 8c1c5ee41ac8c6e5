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

    /// A queued file taken in while messaging is off is not taken in again after a restart: the outbox keeps
    /// the attachment it became, so the message goes even once the file itself is gone (issue 9). The outbox
    /// used to keep the path only, and the import after the restart refused the missing file: the message,
    /// accepted, was dropped.
    @Test func aQueuedFileTakenInBeforeARestartIsNotTakenInAgain() async throws {
        let directory = TemporaryDirectory("outbox-file-imported")
        defer { directory.remove() }
        let note = directory.file("note.txt")
        try Data("a note worth sharing\n".utf8).write(to: note)
        // Given a file queued while attachment and messaging are off, taken in once attachment is back
        try await OutboxWithServicesTests.run(
            [
                .user("alice"), .send("/register alice password-of-alice"), .expectScreenContains("1 #general"),
                .send("/service stop attachment"), .expectService(name: "attachment", state: .stopped),
                .send("/service stop messaging"), .expectService(name: "messaging", state: .stopped),
                .send("/attach \(note.path)"), .expectScreenContains("alice: 📎 note.txt (pending)"),
                .send("/service start attachment"), .expectService(name: "attachment", state: .running),
                // The debug panel's trace of the attachment service shows the file taken in and bound.
                .press(.function(12)), .press(.down), .press(.down), .expectScreenContains("attachment bind ok"),
                .press(.function(12)), .expectOutbox(1),
                .send("/quit"),
            ], in: directory)
        // When the file is gone and alice signs in again, messaging up
        try FileManager.default.removeItem(at: note)
        try await OutboxWithServicesTests.run(
            OutboxWithServicesTests.signIn("alice", as: "alice") + [
                .expectScreenContains("note.txt (21 B, text/plain)"), .expectOutbox(0),
                .expectScreenLacks("not attached"),
            ], in: directory)
        // Then the message went once, carrying the file taken in before the restart
        #expect(try OutboxWithServicesTests.stored(in: directory) == [""])
    }
}
