import Foundation

/// Failed sign-ins for one name so far.
struct FailedSignIns: Sendable, Equatable {
    var count: Int
    var last: Date
}

/// Decides whether a sign-in for a name may be tried now, from that name's failures. Pure: the handler
/// stores the failures and refuses at once instead of sleeping, which would stall every other request.
///
/// The first `freeAttempts` failures cost nothing; after that each failure doubles the wait before the
/// next try, up to `maximumDelay`. Failures are forgotten after `forgetAfter` without one.
struct LoginThrottle: Sendable, Equatable {
    enum Decision: Sendable, Equatable {
        case allow
        /// Refused; the name may be tried again after this many seconds.
        case refuse(retryAfter: TimeInterval)
    }

    var freeAttempts = 5
    var firstDelay: TimeInterval = 1
    var maximumDelay: TimeInterval = 300
    var forgetAfter: TimeInterval = 3_600

    func admit(_ failures: FailedSignIns?, at now: Date) -> Decision {
        guard let failures = current(failures, at: now) else { return .allow }
        let wait = delay(after: failures.count) - now.timeIntervalSince(failures.last)
        return wait > 0 ? .refuse(retryAfter: wait) : .allow
    }

    /// The failures after one more at `now`.
    func failing(_ failures: FailedSignIns?, at now: Date) -> FailedSignIns {
        FailedSignIns(count: (current(failures, at: now)?.count ?? 0) + 1, last: now)
    }

    /// How long to wait after `count` failures before the next try.
    func delay(after count: Int) -> TimeInterval {
        guard count >= freeAttempts else { return 0 }
        let doublings = min(count - freeAttempts, 30)
        return min(firstDelay * Double(1 << doublings), maximumDelay)
    }

    private func current(_ failures: FailedSignIns?, at now: Date) -> FailedSignIns? {
        guard let failures, now.timeIntervalSince(failures.last) < forgetAfter else { return nil }
        return failures
    }
}
