import AccountService
import Foundation
import ParleyContracts
import ParleyTestKit
import Testing

/// The account service looks for changes when something happens, not on a timer: with the safety interval an
/// hour long, only the store's change watcher and the presence deadline can make these events come.
@Suite(.timeLimit(.minutes(1)))
struct EventDrivenLookTests {
    /// The real clock, a short presence timeout, and a safety look that never comes within a test.
    static let settings = AccountSettings(
        presenceTimeout: .seconds(1), changeCheckInterval: .seconds(3_600),
        passwordCost: PasswordCost(rounds: 16, blockSize: 1, parallelism: 1))

    @Test func aHeartbeatThatStopsIsAnnouncedOfflineAtItsDeadline() async throws {
        try await AccountHarness.run { harness in
            let account = await harness.start(settings: Self.settings, now: { Date() })
            let session = try await account.register("alice")
            let events = account.events()

            try await account.ask(.heartbeat(token: session.token, presence: .online))

            #expect(await firstElement(of: events) { $0 == .presenceChanged(name: "alice", presence: .offline) } != nil)
        }
    }

    /// Two services on one data directory stand in for two `parley` processes.
    @Test func anotherProcessesChangeIsAnnouncedWhenItIsWritten() async throws {
        try await AccountHarness.run { harness in
            let first = await harness.start(settings: Self.settings, now: { Date() })
            let second = await harness.start(settings: Self.settings, now: { Date() })
            let events = second.events()

            let session = try await first.register("alice", displayName: "Alice")
            try await first.ask(.updateProfile(token: session.token, displayName: nil, statusText: "reading"))

            #expect(
                await firstElement(of: events) { event in
                    if case let .profileChanged(profile) = event { profile.status == "reading" } else { false }
                } != nil)
        }
    }
}
