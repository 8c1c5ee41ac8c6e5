import AccountService
import Foundation
import ParleyContracts
import ParleyTestKit
import Testing

@Suite(.timeLimit(.minutes(1)))
struct PresenceTests {
    @Test func followsHeartbeatsAndGoesOfflineAfterAMissedInterval() async throws {
        try await AccountHarness.run { harness in
            let account = await harness.start()
            let session = try await account.register("alice")
            _ = try await account.register("bob")
            #expect(try await account.presence(of: ["alice", "bob"]) == ["alice": .offline, "bob": .offline])

            try await account.ask(.heartbeat(token: session.token, presence: .online))
            #expect(try await account.presence(of: ["ALICE"]) == ["alice": .online])

            try await account.ask(.heartbeat(token: session.token, presence: .away))
            #expect(try await account.presence(of: ["alice"]) == ["alice": .away])

            harness.clock.advance(by: 30)
            #expect(try await account.presence(of: ["alice"]) == ["alice": .away])
            harness.clock.advance(by: 1)
            #expect(try await account.presence(of: ["alice"]) == ["alice": .offline])
        }
    }

    @Test func anOfflineHeartbeatSignsOffAtOnce() async throws {
        try await AccountHarness.run { harness in
            let account = await harness.start()
            let session = try await account.register("alice")
            try await account.ask(.heartbeat(token: session.token, presence: .online))

            try await account.ask(.heartbeat(token: session.token, presence: .offline))

            #expect(try await account.presence(of: ["alice"]) == ["alice": .offline])
        }
    }

    @Test func anUnknownNameIsNamed() async throws {
        try await AccountHarness.run { harness in
            let account = await harness.start()
            _ = try await account.register("alice")
            await #expect(throws: AccountError.unknownUser("Bob")) {
                try await account.presence(of: ["alice", "Bob"])
            }
        }
    }

    @Test func changesAreAnnouncedAsTheyHappen() async throws {
        try await AccountHarness.run { harness in
            let account = await harness.start()
            let session = try await account.register("alice")
            let events = account.events()

            try await account.ask(.heartbeat(token: session.token, presence: .online))
            #expect(await firstElement(of: events) { $0 == .presenceChanged(name: "alice", presence: .online) } != nil)

            harness.clock.advance(by: 31)
            #expect(await firstElement(of: events) { $0 == .presenceChanged(name: "alice", presence: .offline) } != nil)
        }
    }

    /// Two services on one data directory stand in for two `parley` processes.
    @Test func anotherProcessSeesPresenceAndProfilesAndAnnouncesThem() async throws {
        try await AccountHarness.run { harness in
            let first = await harness.start()
            let second = await harness.start()
            let events = second.events()

            let session = try await first.register("alice", displayName: "Alice")
            let registered = UserProfile(name: "alice", displayName: "Alice", status: "", presence: .offline)
            #expect(await firstElement(of: events) { $0 == .profileChanged(registered) } != nil)

            try await first.ask(.heartbeat(token: session.token, presence: .online))
            #expect(try await second.presence(of: ["alice"]) == ["alice": .online])
            #expect(await firstElement(of: events) { $0 == .presenceChanged(name: "alice", presence: .online) } != nil)

            try await first.ask(.updateProfile(token: session.token, displayName: nil, statusText: "reading"))
            let updated = UserProfile(name: "alice", displayName: "Alice", status: "reading", presence: .online)
            #expect(await firstElement(of: events) { $0 == .profileChanged(updated) } != nil)
            #expect(try await second.profile("alice") == updated)

            // No heartbeat within the presence interval: both processes show alice offline.
            harness.clock.advance(by: 31)
            #expect(await firstElement(of: events) { $0 == .presenceChanged(name: "alice", presence: .offline) } != nil)
            #expect(try await first.presence(of: ["alice"]) == ["alice": .offline])
        }
    }

    @Test func eachChangeIsAnnouncedOnce() async throws {
        try await AccountHarness.run { harness in
            let account = await harness.start()
            let session = try await account.register("alice")
            let events = account.events()

            try await account.ask(.heartbeat(token: session.token, presence: .online))
            try await account.ask(.heartbeat(token: session.token, presence: .online))
            try await account.ask(.heartbeat(token: session.token, presence: .away))

            // The away change comes after exactly one online change, however many ticks passed between.
            var seen: [AccountEvent] = []
            for await event in events {
                seen.append(event)
                if event == .presenceChanged(name: "alice", presence: .away) { break }
            }
            #expect(
                seen == [
                    .presenceChanged(name: "alice", presence: .online),
                    .presenceChanged(name: "alice", presence: .away),
                ])
        }
    }
}
