import Foundation
import MatrixClient
import ParleyTestKit

/// Clients of the test homeserver, each registered as a fresh user, shut down when the test ends.
enum TestAccounts {
    static let password = "correct horse battery staple"
    /// Generous: every suite runs at once against one Synapse on a machine that may be busy.
    static let requestTimeout = Duration.seconds(120)

    /// The test homeserver, or the sentence saying why there is none (the test then fails with it).
    static func server() throws -> Homeserver {
        try Homeserver(TestHomeserver.current().url)
    }

    /// Runs `body` with `count` clients, each signed in as a new user named after `prefix`.
    static func withUsers(
        _ count: Int, prefix: String = "user", _ body: ([MatrixClient]) async throws -> Void
    ) async throws {
        let server = try server()
        var clients: [MatrixClient] = []
        do {
            for index in 0..<count {
                let client = MatrixClient(homeserver: server, requestTimeout: requestTimeout)
                clients.append(client)
                try await client.register(
                    username: TestHomeserver.uniqueUserName("\(prefix)\(index)"), password: password)
            }
            try await body(clients)
        } catch {
            for client in clients { try? await client.shutdown() }
            throw error
        }
        for client in clients { try await client.shutdown() }
    }

    /// Runs `body` with a client of the test homeserver that is not signed in.
    static func withClient(_ body: (MatrixClient) async throws -> Void) async throws {
        let client = MatrixClient(homeserver: try server(), requestTimeout: requestTimeout)
        do {
            try await body(client)
        } catch {
            try? await client.shutdown()
            throw error
        }
        try await client.shutdown()
    }

    /// A transaction id no other send used.
    static func transactionID() -> String { "txn-\(UUID().uuidString)" }
}

extension MatrixClient {
    /// The signed-in user's id (tests only call this after registering).
    var userID: String { session?.userID ?? "" }
}
