import Foundation
import MatrixClient
import ParleyTestKit
import Testing

@Suite(.timeLimit(.minutes(2)))
struct AccountTests {
    @Test func registerWhoamiLogoutThenTheOldTokenIsRefused() async throws {
        try await TestAccounts.withClient { client in
            let name = TestHomeserver.uniqueUserName("alice")
            let session = try await client.register(username: name, password: TestAccounts.password)
            #expect(session.userID == "@\(name):localhost")
            #expect(session.deviceID != nil)

            let whoami = try await client.whoami()
            #expect(whoami.userID == session.userID)
            #expect(whoami.deviceID == session.deviceID)

            try await client.logout()
            #expect(client.session == nil)
            client.setSession(session)
            await #expect(throws: MatrixError.unknownToken(server: client.homeserver.name)) {
                try await client.whoami()
            }
            #expect(MatrixError.unknownToken(server: "x").description.contains("M_UNKNOWN_TOKEN"))
        }
    }

    @Test func registeringATakenNameNamesMUserInUse() async throws {
        try await TestAccounts.withClient { client in
            let name = TestHomeserver.uniqueUserName("taken")
            try await client.register(username: name, password: TestAccounts.password)
            let error = await #expect(throws: MatrixError.self) {
                try await client.register(username: name, password: TestAccounts.password)
            }
            #expect(error?.errcode == "M_USER_IN_USE")
            #expect(error?.description.contains("M_USER_IN_USE") == true)
            #expect(client.metrics.lastError?.contains("M_USER_IN_USE") == true)
        }
    }

    @Test func loginWithAPasswordByLocalNameAndFullID() async throws {
        try await TestAccounts.withClient { client in
            let name = TestHomeserver.uniqueUserName("bob")
            let registered = try await client.register(username: name, password: TestAccounts.password)

            let byName = try await client.login(user: name, password: TestAccounts.password, deviceID: "PARLEYTEST")
            #expect(byName.userID == registered.userID)
            #expect(byName.deviceID == "PARLEYTEST")
            #expect(byName.accessToken != registered.accessToken)

            let byID = try await client.login(user: registered.userID, password: TestAccounts.password)
            #expect(try await client.whoami().userID == registered.userID)
            #expect(byID.userID == registered.userID)

            let error = await #expect(throws: MatrixError.self) {
                try await client.login(user: name, password: "wrong password")
            }
            #expect(error?.errcode == "M_FORBIDDEN")
        }
    }

    @Test func displayNameIsSetAndRead() async throws {
        try await TestAccounts.withUsers(2, prefix: "nick") { clients in
            try await clients[0].setDisplayName("Carol Example")
            #expect(try await clients[1].displayName(of: clients[0].userID) == "Carol Example")
        }
    }

    @Test func directorySearchFindsAUserSharingARoom() async throws {
        try await TestAccounts.withUsers(2, prefix: "dir") { clients in
            try await clients[0].setDisplayName("Dirk Unusualname")
            let room = try await clients[0].createRoom(.privateRoom(invite: [clients[1].userID]))
            _ = try await clients[1].join(room)
            let found = await eventually(timeout: .seconds(30)) {
                let result = try? await clients[1].searchUsers("Unusualname")
                return result?.results.contains { $0.userID == clients[0].userID } == true
            }
            #expect(found)
        }
    }

    @Test func presenceIsSetAndRead() async throws {
        try await TestAccounts.withUsers(1, prefix: "presence") { clients in
            try await clients[0].setPresence(PresenceStatus(presence: "unavailable", statusMessage: "at lunch"))
            let status = try await clients[0].presence(of: clients[0].userID)
            #expect(status.presence == "unavailable")
            #expect(status.statusMessage == "at lunch")
        }
    }

    @Test func versionsAnswerWithoutSignIn() async throws {
        try await TestAccounts.withClient { client in
            let versions = try await client.versions()
            #expect(versions.contains("v1.1"))
            #expect(client.metrics.latencyP50 != nil)
            #expect(client.metrics.requestCount >= 1)
        }
    }

    @Test func anUnreachableServerIsNamed() async throws {
        // Port 9 (discard) on loopback: nothing listens there on a test machine, so the connection is refused.
        let client = MatrixClient(homeserver: try Homeserver("http://127.0.0.1:9"), requestTimeout: .seconds(20))
        let error = await #expect(throws: MatrixError.self) { try await client.versions() }
        try await client.shutdown()
        guard case let .unreachable(server, _) = error else {
            Issue.record("expected unreachable, got \(String(describing: error))")
            return
        }
        #expect(server == "127.0.0.1:9")
    }
}
