import Foundation

/// When time must next pass for `update` (a `.tick`), or nil when nothing waits on the clock.
///
/// The loop sleeps until then instead of ticking on a fixed period, so an idle app wakes only for what is
/// due: signed in, the next heartbeat; while read markers are held back or messages wait in the outbox, a
/// retry `retryInterval` from `now`. Signed out, nothing is due, and the app sleeps until something happens.
public func nextTick(after now: Date, retryInterval: TimeInterval, in state: AppState) -> Date? {
    guard state.chat.session != nil else { return nil }
    let heartbeat = state.chat.lastHeartbeat.map { $0.addingTimeInterval(heartbeatInterval) } ?? now
    let waitsOnClock = !state.chat.readMarks.held.isEmpty || hasQueued(in: state)
    return waitsOnClock ? min(heartbeat, now.addingTimeInterval(retryInterval)) : heartbeat
}
