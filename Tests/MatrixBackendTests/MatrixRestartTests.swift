import Foundation
import ParleyContracts
import ParleyTestKit
import ServiceRuntime
import Testing

extension MatrixBackendSuites {
    /// Whole app instances against a homeserver that goes away and comes back: what two people write meanwhile
    /// waits in their outboxes and, once the server answers again, each sees every message once, in order.
    @Suite(.timeLimit(.minutes(8)))
    struct MatrixRestartTests {
        @Test func theHomeserverStopsMidConversationAndNothingIsLostOrDoubled() async throws {
            // A server of this test's own: the shared one serves other suites at the same time.
            let server = try await PrivateHomeserver.start("restart")
            let ann = try await MatrixAppUser.register("ann", server: server.url)
            let bob = try await MatrixAppUser.register("bob", server: server.url)
            let room = "#r" + UUID().uuidString.prefix(8).lowercased()
            try await ann.join(room)
            try await bob.join(room)
            try await ann.send("ann before")
            try await bob.send("bob before")
            try await expectBothSee(["ann before", "bob before"], ann, bob)

            // When the server stops, both keep writing: it all waits in their outboxes
            try await server.stop()
            let during = (1...3).map { "\($0)" }
            for number in during {
                try await ann.send("ann during \(number)")
                try await bob.send("bob during \(number)")
            }
            try await ann.waitUntil("ann's outbox never held 3") { $0.chat.pending.count == 3 }
            try await bob.waitUntil("bob's outbox never held 3") { $0.chat.pending.count == 3 }

            // When it is back, what waited goes, and what is written now goes after it
            try await server.restart()
            try await ann.send("ann after")
            try await bob.send("bob after")
            let annWrote = ["ann before"] + during.map { "ann during \($0)" } + ["ann after"]
            let bobWrote = ["bob before"] + during.map { "bob during \($0)" } + ["bob after"]
            try await expectBothSee(annWrote + bobWrote, ann, bob, inOrder: [annWrote, bobWrote])
            try await ann.waitUntil("ann's outbox never emptied") { $0.chat.pending.isEmpty }
            try await bob.waitUntil("bob's outbox never emptied") { $0.chat.pending.isEmpty }
            await ann.close()
            await bob.close()
            await server.remove()
        }

        @Test func oneStopsMessagingKeepsTypingAndTheOtherSeesEveryMessageOnceInOrder() async throws {
            let server = try TestHomeserver.current().url
            let ann = try await MatrixAppUser.register("ann", server: server)
            let bob = try await MatrixAppUser.register("bob", server: server)
            let room = "#m" + UUID().uuidString.prefix(8).lowercased()
            try await ann.join(room)
            try await bob.join(room)
            try await bob.send("bob before")
            // Bob stops his messaging service and keeps typing: his messages wait in his outbox
            try await bob.send("/service stop messaging")
            try await bob.waitUntil("bob's messaging never stopped") { state in
                state.services.contains { $0.service == .messaging && $0.state == .stopped }
            }
            let typed = (1...4).map { "bob offline \($0)" }
            for line in typed { try await bob.send(line) }
            try await bob.waitUntil("bob's outbox never held 4") { $0.chat.pending.count == 4 }
            // When he starts it again, they go, and what he writes next follows them
            try await bob.send("/service start messaging")
            try await bob.send("bob after")
            let bobWrote = ["bob before"] + typed + ["bob after"]
            try await expectBothSee(bobWrote, ann, bob, inOrder: [bobWrote])
            try await bob.waitUntil("bob's outbox never emptied") { $0.chat.pending.isEmpty }
            await ann.close()
            await bob.close()
        }

        /// Waits until each user's room shows every text of `expected` exactly once and, within each list of
        /// `inOrder`, in that order (two writers' messages may interleave differently on each screen).
        func expectBothSee(
            _ expected: [String], _ users: MatrixAppUser..., inOrder sequences: [[String]] = []
        ) async throws {
            let wanted = Set(expected)
            for user in users {
                let complete = await eventually(timeout: .seconds(120)) {
                    Set(user.timeline).isSuperset(of: wanted)
                }
                let seen = user.timeline.filter { wanted.contains($0) }
                #expect(complete, "\(user.name) saw only \(seen)")
                #expect(seen.count == expected.count, "\(user.name) saw \(seen)")
                for sequence in sequences {
                    let ordered = seen.filter { sequence.contains($0) }
                    #expect(ordered == sequence, "\(user.name) saw \(ordered)")
                }
            }
        }
    }
}
