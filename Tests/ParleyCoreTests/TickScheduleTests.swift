import Foundation
import ParleyContracts
import ParleyCore
import Testing

/// When time must pass for `update`: the loop sleeps until then instead of ticking on a period, so an idle
/// app wakes only for what is due.
struct TickScheduleTests {
    static let now = Date(timeIntervalSince1970: 2_000_000)

    @Test func signedOutNothingWaitsOnTheClock() {
        let state = AppState(width: 80, height: 24, services: [])
        #expect(nextTick(after: Self.now, retryInterval: 5, in: state) == nil)
    }

    @Test func signedInTheFirstHeartbeatIsDueAtOnceAndTheNextTenSecondsAfterIt() {
        var state = ReadMarkerTests.reading()
        #expect(nextTick(after: Self.now, retryInterval: 5, in: state) == Self.now)
        #expect(update(&state, .tick(Self.now)) == [.account(.heartbeat(token: "tok", presence: .online))])
        #expect(nextTick(after: Self.now.addingTimeInterval(1), retryInterval: 5, in: state) == Self.now + 10)
    }

    @Test func aHeldReadMarkerIsDueARetryIntervalAwayAndItsTickSendsIt() {
        var state = ReadMarkerTests.reading()
        _ = update(&state, .tick(Self.now))
        for number in 1...3 {
            let message = ReadMarkerTests.message(number, at: 0.01 * Double(number))
            _ = update(&state, .messagingEvent(.messagePosted(message)))
        }
        let later = Self.now.addingTimeInterval(2)
        let due = nextTick(after: later, retryInterval: 5, in: state)
        #expect(due == later + 5)
        #expect(ReadMarkerTests.marks(update(&state, .tick(due ?? later))) == [MessageID("m3")])
        // Released: only the heartbeat is due again.
        #expect(nextTick(after: later + 5, retryInterval: 5, in: state) == Self.now + 10)
    }

    @Test func aMessageWaitingInTheOutboxIsRetriedOnTheClock() {
        var state = ReadMarkerTests.reading()
        _ = update(&state, .tick(Self.now))
        state.chat.pending = [
            PendingMessage(id: MessageID("p1"), room: ReadMarkerTests.general.id, text: "hi", isQueued: true)
        ]
        #expect(nextTick(after: Self.now + 1, retryInterval: 5, in: state) == Self.now + 6)
    }
}
