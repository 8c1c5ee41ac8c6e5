import Synchronization

/// One caller waiting for one reply. Whoever completes it first wins — the handler's reply, the deadline
/// sweeper, or a stop — and every later attempt is ignored, so a caller is resumed exactly once.
final class PendingCall<Reply: Sendable, Failure: Error & Sendable>: Sendable {
    typealias Outcome = Result<Reply, ServiceCallError<Failure>>

    private enum Slot {
        case empty
        case waiting(UnsafeContinuation<Outcome, Never>)
        /// Completed before the caller parked (a stop racing the admission); kept until it parks.
        case early(Outcome)
        case done
    }

    let deadline: ContinuousClock.Instant
    let timeout: Duration
    private let slot = Mutex<Slot>(.empty)
    /// Bumped once an outcome is in, so a spinning caller can poll without the lock.
    let completion = SpinFlag()

    init(deadline: ContinuousClock.Instant, timeout: Duration) {
        self.deadline = deadline
        self.timeout = timeout
    }

    var isDone: Bool {
        slot.withLock { if case .done = $0 { true } else if case .early = $0 { true } else { false } }
    }

    /// The outcome, if the call completed before the caller parked; the caller then never suspends.
    func takeEarlyOutcome() -> Outcome? {
        return slot.withLock { slot in
            guard case let .early(outcome) = slot else { return nil }
            slot = .done
            return outcome
        }
    }

    /// Parks the caller until `complete` is called (or resumes at once if it already was).
    func wait(_ continuation: UnsafeContinuation<Outcome, Never>) {
        let early: Outcome? = slot.withLock { slot in
            if case let .early(outcome) = slot {
                slot = .done
                return outcome
            }
            slot = .waiting(continuation)
            return nil
        }
        if let early { continuation.resume(returning: early) }
    }

    /// Completes the call; returns false if it was already completed (the outcome is then dropped).
    @discardableResult
    func complete(_ outcome: Outcome) -> Bool {
        let (won, continuation): (Bool, UnsafeContinuation<Outcome, Never>?) = slot.withLock { slot in
            switch slot {
            case .empty:
                slot = .early(outcome)
                return (true, nil)
            case let .waiting(continuation):
                slot = .done
                return (true, continuation)
            case .early, .done:
                return (false, nil)
            }
        }
        if let continuation {
            continuation.resume(returning: outcome)
        } else if won {
            completion.bump()  // after unlocking, so the spinning caller finds the slot free
        }
        return won
    }
}
