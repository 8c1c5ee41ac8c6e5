import Foundation
import ParleyTestKit
import ScenarioRunner
import Testing

extension MatrixBackendSuites {
    /// Conversations through the homeserver, Parley on both ends: a mention completed with Tab as
    /// `@name:server` rings the other's bell and counts in their room list, a direct message rings it again,
    /// reactions show under the message on both sides, and one sees the other typing.
    @Suite(.timeLimit(.minutes(3)))
    struct MatrixConversationScenarioTests {
        @Test func mentionsBellsReactionsAndTypingThroughTheHomeserver() async throws {
            let server = try TestHomeserver.current().url
            let ann = TestHomeserver.uniqueUserName("ann")
            let bob = TestHomeserver.uniqueUserName("bob")
            // Short enough for the room list's column with its counts.
            let room = "#t" + UUID().uuidString.prefix(6).lowercased()
            let elsewhere = "#u" + UUID().uuidString.prefix(6).lowercased()
            let text = """
                server \(server)
                size 120x30
                timeout 30s
                user ann
                send /register \(ann) correct-horse
                expect screen contains signed in as \(ann)
                send /join \(room)
                expect screen contains 1 \(room)
                send first of all

                user bob
                send /register \(bob) battery-staple
                expect screen contains signed in as \(bob)
                send /join \(room)
                expect screen contains \(ann): first of all
                send /react 👍
                expect screen contains [👍 1]

                user ann
                expect screen contains "  👍 1"
                send /join \(elsewhere)
                expect screen contains 2 \(elsewhere)

                user bob
                type "look @\(ann.prefix(4))"
                press Tab
                expect screen contains > look @\(ann):
                press Enter
                expect screen lacks sending…

                user ann
                expect bells 1
                expect screen contains @1
                press Alt-1
                expect screen contains \(bob): look @\(ann):
                expect screen lacks @1

                user bob
                type are you the

                user ann
                expect screen contains \(bob) is typing…

                user bob
                type re?
                press Enter

                user ann
                expect screen contains \(bob): are you there?
                expect screen lacks is typing…

                user bob
                send /msg \(ann) psst
                expect screen lacks sending…

                user ann
                expect bells 2
                """
            let directory = TemporaryDirectory("scenario-conversation")
            defer { directory.remove() }
            let report = try await MatrixBackendSuites.runScenario(
                text, named: "matrix-conversation.scenario", in: directory)
            #expect(report.sessions == 2)
        }
    }
}
