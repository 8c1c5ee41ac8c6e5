import Foundation
import ParleyContracts
import Synchronization
import Testing

@testable import ParleyCore

/// The cache is written off the loop and coalesced: never a write per message.
@Suite(.timeLimit(.minutes(1)))
struct ClientCacheWriterTests {
    final class CountingCache: ClientCache {
        let saved = Mutex<[CachedView]>([])
        func save(_ view: CachedView, user: String) throws { saved.withLock { $0.append(view) } }
        func view(of user: String) throws -> CachedView? { saved.withLock { $0.last } }
    }

    @Test func manyChangesAreWrittenAsAFewAndTheLastIsKept() throws {
        let cache = CountingCache()
        let writer = ClientCacheWriter(cache: cache, interval: .seconds(30)) { _ in }
        var state = ChatFlowTests.signedIn()
        for number in 1...200 {
            _ = update(
                &state,
                .messagingEvent(
                    .messagePosted(ChatFlowTests.message("n\(number)", "news \(number)", Int64(number + 1)))))
            writer.offer(state.chat, user: "alice")
        }
        #expect(writer.flush() == nil)
        let saved = cache.saved.withLock { $0 }
        #expect(saved.count <= 2)
        #expect(saved.last?.timelines[ChatFlowTests.general.id]?.count == CachedView.messagesPerRoom)
        #expect(saved.last?.timelines[ChatFlowTests.general.id]?.last?.text == "news 200")
    }

    @Test func noRoomsYetReplacesNothing() {
        let cache = CountingCache()
        let writer = ClientCacheWriter(cache: cache) { _ in }
        var state = AppState(width: 80, height: 24, services: [])
        _ = update(
            &state, .accountReplied(.login(name: "alice", password: "pw"), .success(.session(ChatFlowTests.session))))
        writer.offer(state.chat, user: "alice")
        #expect(writer.flush() == nil)
        #expect(cache.saved.withLock { $0 }.isEmpty)
    }
}
