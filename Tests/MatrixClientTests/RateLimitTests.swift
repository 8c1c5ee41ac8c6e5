import Foundation
import MatrixClient
import ParleyTestKit
import Testing

@Suite(.timeLimit(.minutes(3)))
struct RateLimitTests {
    /// Lowers one user's message rate to 1 per second with a burst of 1 through Synapse's admin API.
    static func throttle(_ userID: String) async throws {
        let homeserver = try TestHomeserver.current()
        let adminName = TestHomeserver.uniqueUserName("admin")
        try homeserver.registerAdmin(username: adminName, password: TestAccounts.password)
        let admin = MatrixClient(homeserver: try TestAccounts.server(), requestTimeout: TestAccounts.requestTimeout)
        do {
            try await admin.login(user: adminName, password: TestAccounts.password)
            let path = "/_synapse/admin/v1/users/\(MatrixClient.escapedPathSegment(userID))/override_ratelimit"
            _ = try await admin.callAPI("POST", path: path, body: ["messages_per_second": 1, "burst_count": 1])
        } catch {
            try? await admin.shutdown()
            throw error
        }
        try await admin.shutdown()
    }

    @Test func a429IsWaitedOutAndCounted() async throws {
        try await TestAccounts.withUsers(1, prefix: "limited") { clients in
            try await Self.throttle(clients[0].userID)
            let roomID = try await clients[0].createRoom(.privateRoom())
            // All at once: sent one after another, a busy machine may space them out past the limit.
            let client = clients[0]
            let eventIDs = try await withThrowingTaskGroup(of: String.self) { group in
                for index in 0..<4 {
                    group.addTask {
                        try await client.send(
                            .text("burst \(index)"), to: roomID, transactionID: TestAccounts.transactionID())
                    }
                }
                return try await group.reduce(into: Set<String>()) { $0.insert($1) }
            }
            #expect(eventIDs.count == 4)
            let metrics = clients[0].metrics
            #expect(metrics.rateLimitedCount >= 1)
            #expect((metrics.lastRetryAfter ?? .zero) > .zero)
        }
    }

    @Test func aClientThatMayNotRetryReportsTheLimit() async throws {
        try await TestAccounts.withUsers(1, prefix: "noretry") { clients in
            try await Self.throttle(clients[0].userID)
            let impatient = MatrixClient(
                homeserver: clients[0].homeserver, session: clients[0].session,
                requestTimeout: TestAccounts.requestTimeout,
                rateLimitRetries: 0)
            do {
                let roomID = try await impatient.createRoom(.privateRoom())
                var limited: MatrixError?
                for index in 0..<10 where limited == nil {
                    do {
                        _ = try await impatient.send(
                            .text("fast \(index)"), to: roomID, transactionID: TestAccounts.transactionID())
                    } catch let error as MatrixError {
                        limited = error
                    }
                }
                #expect(limited?.errcode == "M_LIMIT_EXCEEDED")
                #expect(limited?.description.contains("M_LIMIT_EXCEEDED") == true)
                #expect(impatient.metrics.lastError?.contains("M_LIMIT_EXCEEDED") == true)
            } catch {
                try? await impatient.shutdown()
                throw error
            }
            try await impatient.shutdown()
        }
    }
}
