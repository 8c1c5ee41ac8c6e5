import Foundation
import ParleyContracts
import ParleyCore
import ServiceRuntime
import Testing

/// The outbox sends what waits as one batch; the homeserver may go away while it is on its way.
struct HomeserverBatchTests {
    @Test func aBatchTheServerCouldNotTakeWaitsInTheOutboxAndGoesAgainOnTheClock() {
        var state = OutboxFlowTests.signedIn(messaging: .running)
        let unreachable = MessagingError.serverUnreachable("example.org: connection refused")
        // Given a first message that could not go, and a second written after it
        guard case let .messaging(first)? = ChatFlowTests.type("one", into: &state).first else {
            Issue.record("no send")
            return
        }
        _ = update(&state, .messagingReplied(first, .failure(.refused(unreachable))))
        // When the second is sent, the first goes with it (behind it, never after it)
        guard case let .messaging(batch)? = ChatFlowTests.type("two", into: &state).last,
            case let .sendBatch(_, messages) = batch
        else {
            Issue.record("the outbox did not send what waits as one batch")
            return
        }
        #expect(messages.map(\.text) == ["one", "two"])
        // When the server could take neither, both wait in the outbox in order; nothing goes back to the input
        let effects = update(
            &state, .messagingReplied(batch, .success(.batch([.failure(unreachable), .failure(unreachable)]))))
        #expect(effects.isEmpty)
        #expect(state.chat.pending.map(\.text) == ["one", "two"])
        #expect(state.chat.pending.map(\.isQueued) == [true, true])
        #expect(state.input.text.isEmpty)
        #expect(state.notice == "server unreachable: your message waits in the outbox and goes when it answers")
        // And on the clock they go again, together and in order
        #expect(update(&state, .tick(Date())).contains(.messaging(batch)))
    }
}
