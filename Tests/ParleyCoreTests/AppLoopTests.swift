import ParleyContracts
import ParleyCore
import ParleyTestKit
import ServiceRuntime
import Synchronization
import Testing

/// A service that only says hello; enough to be started and stopped from the panel.
struct HelloService: ServiceHandler {
    struct Request: ServiceRequest {
        var kind: String { "hello" }
    }
    struct Failure: Error {}
    typealias Event = Never

    mutating func handle(_ request: Request, context: ServiceContext<Never, Request>) async throws -> String {
        "hello"
    }
}

@Suite(.timeLimit(.minutes(1)))
struct AppLoopTests {
    @Test func keysInThePanelStopAndStartTheRealService() async throws {
        let host = ServiceHost<HelloService>(name: "hello") { _ in HelloService() }
        await host.start()
        let rendered = Mutex<AppState?>(nil)
        let loop = AppLoop(width: 80, height: 24, services: [host]) { state in rendered.withLock { $0 = state } }
        let running = Task { await loop.run() }

        loop.send(.input(.key(.character(" "))))
        #expect(await eventually { host.status.state == .stopped })
        #expect(await eventually { rendered.withLock { $0?.services.first?.state } == .stopped })
        await #expect(throws: ServiceCallError<HelloService.Failure>.self) { try await host.request(.init()) }

        loop.send(.input(.key(.character(" "))))
        #expect(await eventually { host.status.state == .running })
        #expect(try await host.request(.init()) == "hello")
        #expect(await eventually { rendered.withLock { $0?.notice } == "hello: start done, now running" })

        loop.send(.input(.key(.character("q"))))
        await running.value
        await host.close()
    }
}

/// The outbox on disk, through the loop: kept in step with the pending messages, and never wiped by a
/// sign-in, which empties the list before the outbox is read back.
@Suite(.timeLimit(.minutes(1)))
struct AppLoopOutboxTests {
    final class MemoryOutbox: OutboxStore {
        let files = Mutex<[String: [PendingMessage]]>([:])
        func load(user: String) throws -> [PendingMessage] { files.withLock { $0[user] ?? [] } }
        func save(_ messages: [PendingMessage], user: String) throws { files.withLock { $0[user] = messages } }
    }

    static func session(_ token: String) -> AppMsg {
        .accountReplied(
            .login(name: "alice", password: "pw"),
            .success(.session(Session(token: token, user: "alice", displayName: "Alice", expiresAt: .distantFuture))))
    }

    @Test func signingInAgainKeepsWhatWaitsInTheOutbox() async throws {
        let waiting = PendingMessage(id: MessageID("c-1"), room: RoomID("r1"), text: "not yet", isQueued: true)
        let outbox = MemoryOutbox()
        try outbox.save([waiting], user: "alice")
        let rendered = Mutex<AppState?>(nil)
        let loop = AppLoop(
            width: 80, height: 24,
            services: [], outbox: outbox
        ) { state in rendered.withLock { $0 = state } }
        let running = Task { await loop.run() }

        loop.send(Self.session("t1"))
        loop.send(Self.session("t2"))
        let queued = loop.queuedCount
        #expect(await eventually { loop.hasHandled(queued) })
        #expect(await eventually { rendered.withLock { $0?.chat.pending.map(\.id) } == [MessageID("c-1")] })
        #expect(try outbox.load(user: "alice").map(\.id) == [MessageID("c-1")])

        loop.send(.input(.hangup))
        await running.value
    }
}
