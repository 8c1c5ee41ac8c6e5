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
        let rows = Mutex<[String: [PendingMessage]]>([:])
        func add(_ message: PendingMessage, user: String) throws {
            rows.withLock { rows in
                if rows[user]?.contains(where: { $0.id == message.id }) != true {
                    rows[user, default: []].append(message)
                }
            }
        }
        func replace(_ message: PendingMessage, user: String) throws {
            rows.withLock { rows in
                if let index = rows[user]?.firstIndex(where: { $0.id == message.id }) { rows[user]?[index] = message }
            }
        }
        func remove(_ ids: [MessageID], user: String) throws {
            rows.withLock { $0[user]?.removeAll { ids.contains($0.id) } }
        }
        func items(of user: String) throws -> [PendingMessage] { rows.withLock { $0[user] ?? [] } }
    }

    static func session(_ token: String) -> AppMsg {
        .accountReplied(
            .login(name: "alice", password: "pw"),
            .success(.session(Session(token: token, user: "alice", displayName: "Alice", expiresAt: .distantFuture))))
    }

    @Test func signingInAgainKeepsWhatWaitsInTheOutbox() async throws {
        let waiting = PendingMessage(id: MessageID("c-1"), room: RoomID("r1"), text: "not yet", isQueued: true)
        let outbox = MemoryOutbox()
        try outbox.add(waiting, user: "alice")
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
        #expect(try outbox.items(of: "alice").map(\.id) == [MessageID("c-1")])

        loop.send(.input(.hangup))
        await running.value
    }

    /// Issue 9, defect 3: what the user pressed Enter on reaches the outbox before anything slower (the
    /// drawing of the screen), so a crash right after the key loses nothing.
    @Test func whatEnterSentIsInTheOutboxBeforeTheScreenShowsIt() async throws {
        let outbox = MemoryOutbox()
        let shownBeforeKept = Mutex<[MessageID]>([])
        let loop = AppLoop(width: 80, height: 24, services: [], outbox: outbox) { state in
            let kept = Set(((try? outbox.items(of: "alice")) ?? []).map(\.id))
            shownBeforeKept.withLock { $0 += state.chat.pending.map(\.id).filter { !kept.contains($0) } }
        }
        let running = Task { await loop.run() }

        loop.send(Self.session("t1"))
        let general = Room(id: RoomID("r1"), kind: .publicRoom, name: "#general", memberCount: 1, unreadCount: 0)
        loop.send(.messagingReplied(.hello(token: "t1"), .success(.welcome(user: "alice", rooms: [general]))))
        loop.send(.input(.key(.function(12))))  // with no clients, the loop opens on the debug panel
        for character in "kept" { loop.send(.input(.key(.character(character)))) }
        loop.send(.input(.key(.enter)))
        let queued = loop.queuedCount
        #expect(await eventually { loop.hasHandled(queued) })
        #expect(try outbox.items(of: "alice").map(\.text) == ["kept"])
        #expect(shownBeforeKept.withLock { $0 }.isEmpty)

        loop.send(.input(.hangup))
        await running.value
    }
}
