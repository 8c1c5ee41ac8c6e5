import Foundation
import MatrixClient
import ParleyContracts
import ParleyTestKit
import ParleyViews
import ServiceRuntime
import Testing

@testable import ParleyApp

extension MatrixBackendSuites {
    /// The debug panel's figures for services on a homeserver, through the app's own wiring: each service's
    /// backend, the request latency, the sync lag and the 429s the server gave.
    @Suite(.timeLimit(.minutes(3)))
    struct MatrixPanelTests {
        @Test func aRateLimitIsWaitedOutAndShownInThePanelBesideTheOtherFigures() async throws {
            let homeserver = try TestHomeserver.current()
            let directory = TemporaryDirectory("panel")
            defer { directory.remove() }
            let settings = directory.file("config.toml")
            try Data("[services]\nrequest_timeout_ms = 60000\n".utf8).write(to: settings)
            let environment = try AppEnvironment.resolve(
                dataPath: directory.dataDirectory.path, configPath: settings.path, serverURL: homeserver.url,
                environment: [:])
            let hosts = ServiceCatalog.makeHosts(environment)
            await hosts.account.control.start()
            await hosts.messaging.control.start()
            await hosts.media.start()
            do {
                try await exercise(hosts, homeserver: homeserver)
            } catch {
                await Self.stop(hosts)
                throw error
            }
            await Self.stop(hosts)
        }

        private func exercise(_ hosts: AppServiceHosts, homeserver: TestHomeserver) async throws {
            let name = TestHomeserver.uniqueUserName("panel")
            let registered = try await hosts.account.endpoint.request(
                .register(name: name, password: "correct horse", displayName: nil), caller: "test", timeout: nil)
            guard case let .session(session) = registered else { throw UnexpectedReply(description: "\(registered)") }
            // Given the server lets this user send one message a second
            try await Self.throttle("@\(name):localhost", homeserver: homeserver)
            let messaging = hosts.messaging.endpoint
            _ = try await messaging.request(.hello(token: session.token), caller: "test", timeout: nil)
            let created = try await messaging.request(
                .createRoom(token: session.token, name: "#" + TestHomeserver.uniqueUserName("panel")), caller: "test",
                timeout: nil)
            guard case let .room(room) = created else { throw UnexpectedReply(description: "\(created)") }
            // When messages go faster than that, each is still sent: the 429s are waited out. Another client of
            // the same user keeps sending meanwhile, so the service meets the limit even if a busy machine
            // spaces its own sends out.
            let rival = KeptClients.plain(
                try Homeserver(homeserver.url), session: .init(userID: "", accessToken: session.token, deviceID: nil))
            let control = hosts.messaging.control
            let rivalry = Task {
                var index = 0
                while !Task.isCancelled, (control.status.backend.homeserver?.rateLimitedCount ?? 0) == 0 {
                    index += 1
                    _ = try? await rival.send(
                        .text("rival \(index)"), to: room.id.rawValue, transactionID: "r-\(index)")
                }
            }
            var sent = 0
            while sent < 10, (hosts.messaging.control.status.backend.homeserver?.rateLimitedCount ?? 0) == 0 {
                sent += 1
                let reply = try await messaging.request(
                    .send(token: session.token, room: room.id, id: MessageID("panel-\(sent)"), text: "fast \(sent)"),
                    caller: "test", timeout: nil)
                guard case .message = reply else { throw UnexpectedReply(description: "\(reply)") }
            }
            rivalry.cancel()
            await rivalry.value
            try await rival.shutdown()
            // Then the panel shows them for messaging, beside the server's name, latency and sync lag
            let synced = await eventually { hosts.messaging.control.status.backend.homeserver?.syncLag != nil }
            #expect(synced)
            let figures = try #require(hosts.messaging.control.status.backend.homeserver)
            #expect(figures.name == (try Homeserver(homeserver.url)).name)
            #expect(figures.rateLimitedCount >= 1)
            #expect((figures.lastRetryAfter ?? .zero) > .zero)
            #expect(figures.latencyP50 != nil)
            var grid = CellGrid(width: 120, height: 20)
            DebugPanelView(statuses: hosts.all.map(\.status), selected: 1).render(into: &grid)
            let rows = grid.lines.filter { $0.hasPrefix("messaging  \(figures.name)") }
            #expect(rows.count == 1, "the panel: \(grid.lines)")
            let rateLimits = rows.first.map { String($0.dropFirst(54).prefix(10)) } ?? ""
            #expect(rateLimits.hasPrefix("\(figures.rateLimitedCount) ("), "the 429s column: \(rateLimits)")
            #expect(grid.lines.contains { $0.hasPrefix("media      local") })
            #expect(grid.lines.contains { $0.hasPrefix("account    \(figures.name)") })
        }

        /// Lowers one user's message rate to 1 per second with a burst of 1 through Synapse's admin API.
        static func throttle(_ userID: String, homeserver: TestHomeserver) async throws {
            let adminName = TestHomeserver.uniqueUserName("admin")
            try homeserver.registerAdmin(username: adminName, password: "correct horse")
            let admin = KeptClients.plain(try Homeserver(homeserver.url))
            try await admin.login(user: adminName, password: "correct horse")
            let path = "/_synapse/admin/v1/users/\(MatrixClient.escapedPathSegment(userID))/override_ratelimit"
            _ = try await admin.callAPI("POST", path: path, body: ["messages_per_second": 1, "burst_count": 1])
            try await admin.shutdown()
        }

        static func stop(_ hosts: AppServiceHosts) async {
            for control in hosts.all { await control.stop() }
            await hosts.shutDown()
        }
    }
}
