import AccountService
import Foundation
import ParleyContracts
import ServiceRuntime
import Testing

@Suite(.timeLimit(.minutes(1)))
struct DirectoryTests {
    /// Four users: names and display names chosen so that searches by either can be told apart.
    private func populate(_ account: ServiceHost<AccountHandler>) async throws {
        for (name, displayName) in [
            ("carol", "Carol King"), ("alice", "Alice Liddell"), ("bob", "Bob"), ("dave", "Kingsley"),
        ] {
            _ = try await account.register(name, password: "correct horse", displayName: displayName)
        }
    }

    @Test(
        arguments: [
            ("", ["alice", "bob", "carol", "dave"]),
            ("  ", ["alice", "bob", "carol", "dave"]),
            ("o", ["bob", "carol"]),
            ("KING", ["carol", "dave"]),
            ("liddell", ["alice"]),
            ("zed", []),
            ("%", []),
        ])
    func findsUsersByNameOrDisplayNameIgnoringCase(search: String, expected: [String]) async throws {
        try await AccountHarness.run { harness in
            let account = await harness.start()
            try await populate(account)

            #expect(try await account.directory(search).map(\.name) == expected)
        }
    }

    @Test(arguments: [(2, ["alice", "bob"]), (0, []), (-3, [])])
    func returnsAtMostTheLimit(limit: Int, expected: [String]) async throws {
        try await AccountHarness.run { harness in
            let account = await harness.start()
            try await populate(account)

            #expect(try await account.directory("", limit: limit).map(\.name) == expected)
        }
    }

    @Test func showsProfilesWithPresence() async throws {
        try await AccountHarness.run { harness in
            let account = await harness.start()
            let session = try await account.register("alice", displayName: "Alice")
            try await account.ask(.updateProfile(token: session.token, displayName: nil, statusText: "here"))
            try await account.ask(.heartbeat(token: session.token, presence: .away))

            #expect(
                try await account.directory("al")
                    == [UserProfile(name: "alice", displayName: "Alice", status: "here", presence: .away)])
        }
    }
}
