import AccountService
import Foundation
import ParleyContracts
import Testing

@Suite(.timeLimit(.minutes(1)))
struct SignInTests {
    @Test func signsInAndOut() async throws {
        try await AccountHarness.run { harness in
            let account = await harness.start()
            let registered = try await account.register("alice")

            let session = try await account.session(.login(name: "alice", password: "correct horse"))
            #expect(session.user == "alice")
            #expect(session.token != registered.token)

            #expect(try await account.ask(.logout(token: session.token)) == .done)
            await #expect(throws: AccountError.sessionEnded) {
                try await account.ask(.heartbeat(token: session.token, presence: .online))
            }
            // Only the session signed out ends; the one from registering goes on.
            #expect(try await account.ask(.heartbeat(token: registered.token, presence: .online)) == .done)
        }
    }

    @Test func signingOutTwiceIsNotAnError() async throws {
        try await AccountHarness.run { harness in
            let account = await harness.start()
            let session = try await account.register("alice")
            try await account.ask(.logout(token: session.token))
            #expect(try await account.ask(.logout(token: session.token)) == .done)
        }
    }

    @Test(arguments: ["", "garbage", "a.b", "a.b.c"])
    func aMalformedTokenIsRefused(token: String) async throws {
        try await AccountHarness.run { harness in
            let account = await harness.start()
            await #expect(throws: AccountError.sessionInvalid) { try await account.ask(.logout(token: token)) }
            await #expect(throws: AccountError.sessionInvalid) {
                try await account.ask(.updateProfile(token: token, displayName: "x", statusText: nil))
            }
        }
    }

    @Test func aWrongNameAndAWrongPasswordGetTheSameAnswer() async throws {
        try await AccountHarness.run { harness in
            let account = await harness.start()
            _ = try await account.register("alice")

            var errors: [AccountError] = []
            for (name, password) in [("nobody", "correct horse"), ("alice", "wrong horse"), ("not a name", "x")] {
                do {
                    try await account.ask(.login(name: name, password: password))
                } catch let error as AccountError {
                    errors.append(error)
                }
            }

            #expect(errors == [.wrongCredentials, .wrongCredentials, .wrongCredentials])
            #expect(!AccountError.wrongCredentials.description.contains("alice"))
        }
    }

    @Test(arguments: ["alice", "nobody"])
    func repeatedFailuresSlowDownSignInsForThatName(name: String) async throws {
        try await AccountHarness.run { harness in
            let account = await harness.start()
            _ = try await account.register("alice")
            _ = try await account.register("bob")

            for _ in 1...5 {
                await #expect(throws: AccountError.wrongCredentials) {
                    try await account.ask(.login(name: name, password: "wrong horse"))
                }
            }

            // Refused at once, even with the right password, without saying whether the name exists.
            await #expect(throws: AccountError.tooManyFailedSignIns(name: name, retryAfterSeconds: 1)) {
                try await account.ask(.login(name: name, password: "correct horse"))
            }
            // Other names are not affected.
            _ = try await account.session(.login(name: "bob", password: "correct horse"))

            // The delay grows with every further failure.
            harness.clock.advance(by: 1)
            await #expect(throws: AccountError.wrongCredentials) {
                try await account.ask(.login(name: name, password: "wrong horse"))
            }
            await #expect(throws: AccountError.tooManyFailedSignIns(name: name, retryAfterSeconds: 2)) {
                try await account.ask(.login(name: name, password: "correct horse"))
            }
        }
    }

    @Test func aSuccessfulSignInForgetsEarlierFailures() async throws {
        try await AccountHarness.run { harness in
            let account = await harness.start()
            _ = try await account.register("alice")
            for _ in 1...5 { _ = try? await account.ask(.login(name: "alice", password: "wrong horse")) }
            harness.clock.advance(by: 1)

            _ = try await account.session(.login(name: "alice", password: "correct horse"))

            await #expect(throws: AccountError.wrongCredentials) {
                try await account.ask(.login(name: "alice", password: "wrong horse"))
            }
        }
    }

    @Test func throttlingIsSharedByProcessesOnOneDataDirectory() async throws {
        try await AccountHarness.run { harness in
            let first = await harness.start()
            let second = await harness.start()
            _ = try await first.register("alice")
            for _ in 1...5 { _ = try? await first.ask(.login(name: "alice", password: "wrong horse")) }

            await #expect(throws: AccountError.tooManyFailedSignIns(name: "alice", retryAfterSeconds: 1)) {
                try await second.ask(.login(name: "alice", password: "correct horse"))
            }
        }
    }
}
