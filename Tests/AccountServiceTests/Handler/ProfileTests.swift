import AccountService
import Foundation
import ParleyContracts
import ParleyTestKit
import Testing

@Suite(.timeLimit(.minutes(1)))
struct ProfileTests {
    @Test func updatesDisplayNameAndStatusAndAnnouncesIt() async throws {
        try await AccountHarness.run { harness in
            let account = await harness.start()
            let session = try await account.register("alice")
            let events = account.events()

            let reply = try await account.ask(
                .updateProfile(token: session.token, displayName: "Alice L.", statusText: "at lunch"))

            let expected = UserProfile(name: "alice", displayName: "Alice L.", status: "at lunch", presence: .offline)
            #expect(reply == .profile(expected))
            #expect(try await account.profile("ALICE") == expected)
            let event = await firstElement(of: events) { $0 == .profileChanged(expected) }
            #expect(event != nil)
        }
    }

    @Test func givingOnlyOneFieldKeepsTheOtherAndAnEmptyStatusClearsIt() async throws {
        try await AccountHarness.run { harness in
            let account = await harness.start()
            let session = try await account.register("alice", displayName: "Alice")
            try await account.ask(.updateProfile(token: session.token, displayName: nil, statusText: "busy"))
            #expect(try await account.profile("alice").displayName == "Alice")

            try await account.ask(.updateProfile(token: session.token, displayName: "Al", statusText: nil))
            #expect(try await account.profile("alice").status == "busy")

            try await account.ask(.updateProfile(token: session.token, displayName: nil, statusText: ""))
            #expect(try await account.profile("alice").status == "")
        }
    }

    @Test func textIsStoredExactlyAsSent() async throws {
        try await AccountHarness.run { harness in
            let account = await harness.start()
            let session = try await account.register("alice")
            let status = "red \u{1B}[31m alert\u{7}\tand émoji 🦊"

            try await account.ask(.updateProfile(token: session.token, displayName: " Ålice\u{0} ", statusText: status))

            let profile = try await account.profile("alice")
            #expect(profile.status == status)
            #expect(profile.displayName == " Ålice\u{0} ")
        }
    }

    @Test(
        arguments: [
            ("  \t ", nil, AccountError.invalidDisplayName(maximum: 64)),
            (String(repeating: "é", count: 65), nil, .invalidDisplayName(maximum: 64)),
            (nil, String(repeating: "s", count: 201), .statusTooLong(maximum: 200)),
        ] as [(String?, String?, AccountError)])
    func refusesBadProfilesAndChangesNothing(displayName: String?, status: String?, expected: AccountError)
        async throws
    {
        try await AccountHarness.run { harness in
            let account = await harness.start()
            let session = try await account.register("alice", displayName: "Alice")
            let before = try await account.profile("alice")

            await #expect(throws: expected) {
                try await account.ask(
                    .updateProfile(token: session.token, displayName: displayName, statusText: status))
            }

            #expect(try await account.profile("alice") == before)
        }
    }

    @Test(arguments: ["bob", "not a name"])
    func anUnknownUserIsNamed(name: String) async throws {
        try await AccountHarness.run { harness in
            let account = await harness.start()
            await #expect(throws: AccountError.unknownUser(name)) { try await account.profile(name) }
            #expect(AccountError.unknownUser(name).description.contains(name))
        }
    }
}
