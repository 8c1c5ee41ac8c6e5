import Foundation
import GRDB
import ParleyStorage
import ParleyTestKit
import ScenarioRunner
import Testing

/// The outbox with real services on one data directory, driven by the scenario runner: several instances of
/// one user, and messaging restarted between sends (issue 9, defects 1 and 2).
@Suite(.timeLimit(.minutes(3)))
struct OutboxWithServicesTests {
    static func script(_ directives: [ScenarioScript.Directive]) -> ScenarioScript {
        ScenarioScript(
            file: "test.scenario",
            steps: directives.enumerated().map { index, directive in
                ScenarioScript.Step(line: index + 1, directive: directive, source: "\(directive)")
            })
    }

    static func run(_ directives: [ScenarioScript.Directive], in directory: TemporaryDirectory) async throws {
        // Signing up hashes a password with scrypt: slow in a debug build on a busy machine.
        let settings = directory.file("settings.toml")
        try Data("[services]\nrequest_timeout_ms = 60000\n".utf8).write(to: settings)
        let options = ScenarioRunner.Options(
            dataDirectory: directory.dataDirectory.url.path, configPath: settings.path, outputDirectory: directory.url)
        _ = try await ScenarioRunner.run(
            script([.size(width: 90, height: 40), .timeout(.seconds(60))] + directives), options: options)
    }

    /// The texts stored in `room`, in the order the messaging service stored them.
    static func stored(in directory: TemporaryDirectory, room: String = "#general") throws -> [String] {
        // The services of a quit instance may still be finishing their last writes: wait for them.
        var configuration = Configuration()
        configuration.busyMode = .timeout(30)
        let queue = try DatabaseQueue(
            path: directory.dataDirectory.file("messages.sqlite").path, configuration: configuration)
        return try queue.read { db in
            try String.fetchAll(
                db,
                sql: """
                    SELECT m.text FROM messages m JOIN rooms r ON r.id = m.roomID
                    WHERE r.name = ? ORDER BY m.sequence
                    """, arguments: [room])
        }
    }

    static func signIn(_ session: String, as user: String) -> [ScenarioScript.Directive] {
        [.user(session), .send("/login \(user) password-of-\(user)"), .expectScreenContains("1 #general")]
    }

    /// Terminal 1 queues five messages while its messaging is off; terminal 2, the same user, sends one. The
    /// outbox used to be rewritten whole by terminal 2 (as `[]`), and the five were never delivered.
    @Test func whatOneTerminalQueuedIsDeliveredAtTheNextSignInWhateverAnotherTerminalSent() async throws {
        let directory = TemporaryDirectory("outbox-terminals")
        defer { directory.remove() }
        let queued = (1...5).map { "queued \($0)" }
        try await Self.run(
            [
                .user("terminal-1"), .send("/register alice password-of-alice"), .expectScreenContains("1 #general"),
            ] + Self.signIn("terminal-2", as: "alice") + [
                .user("terminal-1"), .send("/service stop messaging"),
                .expectService(name: "messaging", state: .stopped),
            ] + queued.map { .send($0) } + [
                .expectOutbox(5),
                .user("terminal-2"), .send("from terminal 2"), .expectOutbox(0),
                .expectScreenContains("alice: from terminal 2"),
                .user("terminal-1"), .send("/quit"),
            ] + Self.signIn("terminal-1", as: "alice") + [
                .expectScreenContains("alice: queued 5"), .expectOutbox(0),
            ], in: directory)
        #expect(try Self.stored(in: directory) == ["from terminal 2"] + queued)
    }

    /// Messages typed around restarts of messaging are stored in the order typed.
    @Test func messagesTypedAroundRestartsOfMessagingAreStoredInOrder() async throws {
        let directory = TemporaryDirectory("outbox-restarts")
        defer { directory.remove() }
        let texts = (1...15).map { "r\($0)" }
        var directives: [ScenarioScript.Directive] = [
            .user("alice"), .send("/register alice password-of-alice"), .expectScreenContains("1 #general"),
        ]
        for (index, text) in texts.enumerated() {
            directives.append(.send(text))
            if index % 5 == 4 { directives.append(.send("/service restart messaging")) }
        }
        directives += [.expectScreenContains("alice: r15"), .expectOutbox(0)]
        try await Self.run(directives, in: directory)
        let stored = try Self.stored(in: directory)
        let inversions = zip(stored, stored.dropFirst()).filter { pair in
            (texts.firstIndex(of: pair.0) ?? 0) > (texts.firstIndex(of: pair.1) ?? 0)
        }
        #expect(stored == texts, "inversions: \(inversions)")
    }
}
