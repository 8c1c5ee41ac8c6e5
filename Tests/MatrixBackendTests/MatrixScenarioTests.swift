import Foundation
import ParleyTestKit
import ScenarioRunner
import Testing

extension MatrixBackendSuites {
    /// A scenario script against the test homeserver: two people, each an app instance on a data directory of
    /// its own, chat in a room and a direct conversation, edit, delete and reply; one stops messaging, keeps
    /// typing, starts it again; one quits and comes back signed in by the session it kept.
    @Suite(.timeLimit(.minutes(3)))
    struct MatrixScenarioTests {
        @Test func twoPeopleChatThroughTheHomeserver() async throws {
            let server = try TestHomeserver.current().url
            let ann = TestHomeserver.uniqueUserName("ann")
            let bob = TestHomeserver.uniqueUserName("bob")
            // Short enough for the room list's column.
            let room = "#t" + UUID().uuidString.prefix(8).lowercased()
            let text = """
                server \(server)
                size 120x30
                timeout 30s
                user ann
                send /register \(ann) correct-horse
                expect screen contains signed in as \(ann)
                send /join \(room)
                expect screen contains 1 \(room)

                user bob
                send /register \(bob) battery-staple
                expect screen contains signed in as \(bob)
                send /join \(room)
                expect screen contains 1 \(room)
                send hello ann
                expect screen contains \(bob): hello ann

                user ann
                expect screen contains \(bob): hello ann
                send /reply hi bob
                expect screen contains \(ann): ↩ \(bob) hi bob
                send a typo here
                expect screen lacks sending…
                send /edit no typo here
                expect screen contains \(ann): no typo here (edited)
                send to be deleted
                expect screen lacks sending…
                send /delete
                expect screen contains \(ann): (message deleted)

                user bob
                expect screen contains \(ann): no typo here (edited)
                expect screen contains \(ann): (message deleted)
                send /msg \(ann) just between us
                expect screen contains \(bob): just between us
                expect screen lacks sending…
                send /service stop messaging
                expect service messaging stopped
                send still typing
                expect screen contains \(bob): still typing (pending)
                expect outbox 1
                send /service start messaging
                expect service messaging running
                expect outbox 0

                user ann
                expect screen contains \(bob)
                send /quit
                user ann
                expect screen contains signed in as \(ann)
                """
            let directory = TemporaryDirectory("scenario")
            defer { directory.remove() }
            let report = try await MatrixBackendSuites.runScenario(text, named: "matrix.scenario", in: directory)
            #expect(report.sessions == 3)
        }
    }
}
