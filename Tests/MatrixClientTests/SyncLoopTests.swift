import Foundation
import ParleyTestKit
import Synchronization
import Testing

@testable import MatrixClient

@Suite(.timeLimit(.minutes(2)))
struct SyncLoopTests {
    @Test func deliversAnotherUsersMessageAndStopsOnCancel() async throws {
        try await TestAccounts.withUsers(2, prefix: "loop") { clients in
            let roomID = try await EventTests.sharedRoom(clients)
            let delivered = Mutex<[ClientEvent]>([])
            let batches = Mutex<[String]>([])
            let loop = SyncLoop(client: clients[1], filter: .standard(timelineLimit: 20), pollTimeout: .seconds(5))
            let task = Task {
                try await loop.run(since: nil) { response in
                    delivered.withLock { $0 += response.rooms.join[roomID]?.timeline.events ?? [] }
                    batches.withLock { $0.append(response.nextBatch) }
                }
            }
            #expect(await eventually(timeout: .seconds(30)) { loop.lastSuccess != nil })
            let eventID = try await clients[0].send(
                .text("live"), to: roomID, transactionID: TestAccounts.transactionID())
            #expect(
                await eventually(timeout: .seconds(30)) { delivered.withLock { $0.contains { $0.eventID == eventID } } }
            )
            #expect(delivered.withLock { $0.filter { $0.eventID == eventID }.count } == 1)
            if case let .live(nextBatch) = loop.state {
                #expect(batches.withLock { $0.contains(nextBatch) })
            } else {
                Issue.record("expected the loop to be live, not \(loop.state)")
            }
            #expect(loop.syncLag != nil)

            task.cancel()
            try await task.value
            #expect(loop.state == .stopped)
        }
    }

    @Test func resumesFromAStoredNextBatchWithoutRepeats() async throws {
        try await TestAccounts.withUsers(2, prefix: "resume") { clients in
            let roomID = try await EventTests.sharedRoom(clients)
            let first = try await clients[0].send(
                .text("before"), to: roomID, transactionID: TestAccounts.transactionID())
            let stored = try await clients[1].sync().nextBatch
            let second = try await clients[0].send(
                .text("after"), to: roomID, transactionID: TestAccounts.transactionID())

            let delivered = Mutex<[String]>([])
            let loop = SyncLoop(client: clients[1], pollTimeout: .seconds(5))
            let task = Task {
                try await loop.run(since: stored) { response in
                    delivered.withLock {
                        $0 += response.rooms.join[roomID]?.timeline.events.compactMap(\.eventID) ?? []
                    }
                }
            }
            #expect(await eventually(timeout: .seconds(30)) { delivered.withLock { $0.contains(second) } })
            #expect(!delivered.withLock { $0.contains(first) })
            task.cancel()
            try await task.value
        }
    }

    @Test func anAnswerTheCallerCouldNotCompleteIsAskedForAgainFromTheSameSince() async throws {
        try await TestAccounts.withUsers(2, prefix: "again") { clients in
            let roomID = try await EventTests.sharedRoom(clients)
            let stored = try await clients[1].sync().nextBatch
            let eventID = try await clients[0].send(
                .text("twice offered"), to: roomID, transactionID: TestAccounts.transactionID())
            let attempts = Mutex<[[String]]>([])
            let loop = SyncLoop(client: clients[1], pollTimeout: .seconds(5), firstBackoff: .milliseconds(50))
            let task = Task {
                try await loop.run(since: stored) { response in
                    let events = response.rooms.join[roomID]?.timeline.events.compactMap(\.eventID) ?? []
                    let first = attempts.withLock { attempts in
                        attempts.append(events)
                        return attempts.count == 1
                    }
                    // The first time, as when filling a gap finds the server gone: not stored, asked again.
                    if first { throw MatrixError.unreachable(server: "test", reason: "gone for a moment") }
                }
            }
            #expect(await eventually(timeout: .seconds(30)) { attempts.withLock { $0.count >= 2 } })
            #expect(attempts.withLock { $0.prefix(2).allSatisfy { $0.contains(eventID) } })
            task.cancel()
            try await task.value
        }
    }

    @Test func backsOffWhileTheServerIsUnreachableAndStopsOnCancel() async throws {
        let client = MatrixClient(
            homeserver: try Homeserver("http://127.0.0.1:9"),
            session: .init(userID: "@nobody:localhost", accessToken: "token", deviceID: nil))
        let states = Mutex<[SyncLoopState]>([])
        let loop = SyncLoop(client: client, firstBackoff: .milliseconds(50), maximumBackoff: .milliseconds(200)) {
            state in
            states.withLock { $0.append(state) }
        }
        let task = Task { try await loop.run(since: "s1") { _ in Issue.record("nothing can be delivered") } }
        let backedOff = await eventually(timeout: .seconds(30)) {
            states.withLock {
                $0.filter { if case .backingOff(.unreachable, _) = $0 { true } else { false } }.count >= 2
            }
        }
        #expect(backedOff)
        task.cancel()
        try await task.value
        #expect(loop.state == .stopped)
        #expect(loop.lastSuccess == nil)
        try await client.shutdown()
    }

    @Test func backoffDoublesUpToItsCap() async throws {
        let client = MatrixClient(homeserver: try Homeserver("http://127.0.0.1:9"))
        let loop = SyncLoop(client: client, firstBackoff: .milliseconds(250), maximumBackoff: .seconds(2))
        #expect(
            (1...6).map { loop.backoff(after: $0) } == [
                .milliseconds(250), .milliseconds(500), .seconds(1), .seconds(2), .seconds(2), .seconds(2),
            ])
        try await client.shutdown()
    }
}
