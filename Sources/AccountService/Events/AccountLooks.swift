import Foundation
import ServiceRuntime

/// When the account feed looks for changes: whenever the store is written (by this process or another), when
/// the next user shown present is due to go offline, and at the latest after `safetyInterval`.
///
/// Event-driven rather than on a timer, so an idle app is not woken every few seconds to find nothing new.
struct AccountLooks: Sendable {
    let feed: AccountChangeFeed
    let safetyInterval: Duration
    let now: @Sendable () -> Date

    /// A look just after a presence expires, not at the instant: at the instant it still counts as present.
    static let expiryMargin: TimeInterval = 0.1

    /// Looks at every tick of `changes` and at each deadline until cancelled (the service stopping).
    func run(_ changes: AsyncStream<Void>) async {
        let (looks, look) = AsyncStream<Void>.makeStream(bufferingPolicy: .bufferingNewest(1))
        await withTaskGroup(of: Void.self) { group in
            group.addTask {
                for await _ in changes { look.yield() }
                look.finish()
            }
            group.addTask {
                var alarm = armAlarm(look)
                for await _ in looks {
                    feed.refresh()
                    AlarmClock.shared.cancel(alarm)
                    alarm = armAlarm(look)
                }
                AlarmClock.shared.cancel(alarm)
            }
        }
    }

    /// A look at the next presence expiry, or after the safety interval, whichever comes first. On the
    /// process's `AlarmClock`, not `Task.sleep`: re-armed at every look, a Dispatch timer would cost wake-ups of its own.
    private func armAlarm(_ look: AsyncStream<Void>.Continuation) -> AlarmClock.Token {
        var delay = safetyInterval
        if let expiry = feed.nextExpiry {
            let seconds = max(0, expiry.timeIntervalSince(now())) + Self.expiryMargin
            delay = min(delay, .milliseconds(Int64(seconds * 1_000)))
        }
        return AlarmClock.shared.arm(at: .now + delay) { look.yield() }
    }
}
