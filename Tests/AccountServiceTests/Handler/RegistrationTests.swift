import AccountService
import Foundation
import ParleyContracts
import Testing

@Suite(.timeLimit(.minutes(1)))
struct RegistrationTests {
    @Test func registeringSignsInAndCreatesTheProfile() async throws {
        try await AccountHarness.run { harness in
            let account = await harness.start()

            let session = try await account.register("Alice", password: "correct horse")

            #expect(session.user == "alice")
            #expect(session.displayName == "Alice")
            #expect(session.expiresAt == harness.clock.now.addingTimeInterval(30 * 86_400))
            let profile = try await account.profile("alice")
            #expect(profile == UserProfile(name: "alice", displayName: "Alice", status: "", presence: .offline))
        }
    }

    @Test(arguments: ["ab", "a_b-9", "Zed", String(repeating: "x", count: 32), "0123"])
    func acceptsNamesOfTheAllowedCharacters(name: String) async throws {
        try await AccountHarness.run { harness in
            let account = await harness.start()
            let session = try await account.register(name)
            #expect(session.user == name.lowercased())
        }
    }

    @Test(
        arguments: [
            ("a", "correct horse", nil, AccountError.invalidName("a")),
            ("", "correct horse", nil, .invalidName("")),
            (String(repeating: "x", count: 33), "correct horse", nil, .invalidName(String(repeating: "x", count: 33))),
            ("al ice", "correct horse", nil, .invalidName("al ice")),
            ("ålice", "correct horse", nil, .invalidName("ålice")),
            ("alice!", "correct horse", nil, .invalidName("alice!")),
            ("#alice", "correct horse", nil, .invalidName("#alice")),
            ("alice", "short", nil, .passwordTooShort(minimum: 8)),
            ("alice", "", nil, .passwordTooShort(minimum: 8)),
            ("alice", "correct horse", "   ", .invalidDisplayName(maximum: 64)),
            ("alice", "correct horse", String(repeating: "A", count: 65), .invalidDisplayName(maximum: 64)),
        ] as [(String, String, String?, AccountError)])
    func refusesBadInputAndChangesNothing(
        name: String, password: String, displayName: String?, expected: AccountError
    ) async throws {
        try await AccountHarness.run { harness in
            let account = await harness.start()

            await #expect(throws: expected) {
                try await account.register(name, password: password, displayName: displayName)
            }

            let users = try await account.directory("")
            #expect(users.isEmpty)
            #expect(!expected.description.isEmpty && !expected.description.contains("\n"))
        }
    }

    @Test func namesAreUniqueWithoutRegardToCase() async throws {
        try await AccountHarness.run { harness in
            let account = await harness.start()
            _ = try await account.register("alice", displayName: "First Alice")

            await #expect(throws: AccountError.nameTaken("alice")) {
                try await account.register("ALICE", password: "another one")
            }

            #expect(try await account.directory("").map(\.displayName) == ["First Alice"])
            let session = try await account.session(.login(name: "aLiCe", password: "correct horse"))
            #expect(session.user == "alice")
        }
    }

    @Test func aNameTakenInAnotherProcessIsTaken() async throws {
        try await AccountHarness.run { harness in
            let first = await harness.start()
            let second = await harness.start()
            _ = try await first.register("alice")

            await #expect(throws: AccountError.nameTaken("alice")) { try await second.register("Alice") }
        }
    }

    @Test func accountsSurviveARestart() async throws {
        try await AccountHarness.run { harness in
            let account = await harness.start()
            let session = try await account.register("alice")

            await account.restart()

            #expect(try await account.ask(.heartbeat(token: session.token, presence: .online)) == .done)
            _ = try await account.session(.login(name: "alice", password: "correct horse"))
        }
    }
}
