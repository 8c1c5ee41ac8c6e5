import AccountService
import Foundation
import ParleyContracts
import ParleyTestKit
import Testing

@Suite(.timeLimit(.minutes(1)))
struct SessionTests {
    @Test func changingThePasswordEndsEarlierSessionsAndStartsANewOne() async throws {
        try await AccountHarness.run { harness in
            let account = await harness.start()
            let registered = try await account.register("alice", password: "old password")
            let other = try await account.session(.login(name: "alice", password: "old password"))

            let fresh = try await account.session(
                .changePassword(token: other.token, old: "old password", new: "new password"))

            for token in [registered.token, other.token] {
                await #expect(throws: AccountError.sessionEnded) {
                    try await account.ask(.heartbeat(token: token, presence: .online))
                }
            }
            #expect(try await account.ask(.heartbeat(token: fresh.token, presence: .online)) == .done)
            await #expect(throws: AccountError.wrongCredentials) {
                try await account.ask(.login(name: "alice", password: "old password"))
            }
            _ = try await account.session(.login(name: "alice", password: "new password"))
        }
    }

    @Test func aPasswordChangeSeenByAnotherProcessEndsSessionsThereToo() async throws {
        try await AccountHarness.run { harness in
            let first = await harness.start()
            let second = await harness.start()
            let session = try await first.register("alice", password: "old password")

            _ = try await first.session(.changePassword(token: session.token, old: "old password", new: "new password"))

            await #expect(throws: AccountError.sessionEnded) {
                try await second.ask(.heartbeat(token: session.token, presence: .online))
            }
        }
    }

    @Test(
        arguments: [
            ("wrong password", "new password", AccountError.wrongPassword),
            ("old password", "short", .passwordTooShort(minimum: 8)),
        ])
    func aRefusedPasswordChangeChangesNothing(old: String, new: String, expected: AccountError) async throws {
        try await AccountHarness.run { harness in
            let account = await harness.start()
            let session = try await account.register("alice", password: "old password")

            await #expect(throws: expected) {
                try await account.ask(.changePassword(token: session.token, old: old, new: new))
            }

            #expect(try await account.ask(.heartbeat(token: session.token, presence: .online)) == .done)
            _ = try await account.session(.login(name: "alice", password: "old password"))
        }
    }

    @Test func sessionsExpire() async throws {
        try await AccountHarness.run { harness in
            var settings = AccountHarness.settings
            settings.sessionLifetime = .seconds(3_600)
            let account = await harness.start(settings: settings)
            let session = try await account.register("alice")
            #expect(session.expiresAt == harness.clock.now.addingTimeInterval(3_600))

            harness.clock.advance(by: 3_599)
            #expect(try await account.ask(.heartbeat(token: session.token, presence: .online)) == .done)
            harness.clock.advance(by: 1)

            await #expect(throws: AccountError.sessionExpired) {
                try await account.ask(.heartbeat(token: session.token, presence: .online))
            }
        }
    }

    @Test func aTokenFromAnotherDataDirectoryIsRefused() async throws {
        try await AccountHarness.run { harness in
            try await AccountHarness.run { elsewhere in
                let foreign = try await elsewhere.start().register("alice")
                let account = await harness.start()
                _ = try await account.register("alice")

                await #expect(throws: AccountError.sessionInvalid) {
                    try await account.ask(.heartbeat(token: foreign.token, presence: .online))
                }
            }
        }
    }
}
