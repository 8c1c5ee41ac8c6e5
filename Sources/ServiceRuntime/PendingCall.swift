import Synchronization

/// One caller waiting for one reply. Whoever completes it first wins — the handler's reply, the deadline
/// sweeper, or a stop — and every later attempt is ignored, so a caller is resumed exactly once.
///
/// One atomic word decides who owns the two slots (the outcome and the parked caller's continuation), so a
/// round trip costs a compare-and-swap on each side instead of two lock round trips, and the caller can
/// poll the same word while it spins.
///
/// A caller reuses the call for its next request (see `CallPool`): allocating and freeing one per request
/// cost a generic allocation and deinit on two threads. The word's high bits count the uses, and every
/// completer names the use it completes, so a late completer (a reply after its deadline, say) finds a
/// newer generation and is ignored instead of answering the next caller.
///
/// `@unchecked Sendable` is safe because `outcome` and `continuation` are only touched by the party the
/// state word hands them to: `outcome` by the completer that moved the state from `empty` (until it
/// publishes `ready` or finds `claimedParked`), then by the caller; `continuation` by the caller until it
/// publishes `parked` or `claimedParked`, then by the completer. Every handover is a release store or
/// exchange read with acquire ordering. `recycle` runs only once the caller has its outcome, when no
/// completer of that generation touches the slots any more.
final class PendingCall<Reply: Sendable, Failure: Error & Sendable>: @unchecked Sendable {
    typealias Outcome = Result<Reply, ServiceCallError<Failure>>

    private let state = Atomic<Int>(CallState.empty)
    private var outcome: Outcome?
    private var continuation: UnsafeContinuation<Outcome, Never>?

    init() {}

    /// The use the call serves now; its completers must name it. Read by the caller that owns the call.
    var generation: Int { CallState.generation(of: state.load(ordering: .relaxed)) }

    /// Whether use `generation` has been completed (its outcome may not have reached the caller yet), or
    /// is long over.
    func isDone(generation: Int) -> Bool {
        let word = state.load(ordering: .relaxed)
        return CallState.generation(of: word) != generation || CallState.phase(of: word) >= CallState.claimed
    }

    /// Whether the outcome is in and the caller can take it without parking; cheap enough to spin on.
    var isReady: Bool { CallState.phase(of: state.load(ordering: .relaxed)) == CallState.ready }

    /// The outcome, if it is in; the caller then never suspends. Call only from the caller.
    func takeReadyOutcome() -> Outcome? {
        guard CallState.phase(of: state.load(ordering: .acquiring)) == CallState.ready else { return nil }
        return outcome
    }

    /// Parks the caller until `complete` is called (or resumes at once if it already was).
    func wait(_ continuation: UnsafeContinuation<Outcome, Never>) {
        self.continuation = continuation
        // Acquiring: if the outcome is already in, it is read below and must be the completer's.
        var current = state.load(ordering: .acquiring)
        let base = current - CallState.phase(of: current)
        while true {
            switch CallState.phase(of: current) {
            case CallState.empty, CallState.claimed:
                let parked =
                    CallState.phase(of: current) == CallState.empty ? CallState.parked : CallState.claimedParked
                let (exchanged, found) = state.compareExchange(
                    expected: current, desired: base + parked, successOrdering: .releasing,
                    failureOrdering: .acquiring)
                if exchanged { return }  // the completer now owns the continuation
                current = found
            default:  // ready: the outcome came in while we were parking
                self.continuation = nil
                continuation.resume(returning: outcome!)
                return
            }
        }
    }

    /// Completes use `generation`; returns false if it was already completed or is over (the outcome is
    /// then dropped).
    @discardableResult
    func complete(_ outcome: Outcome, generation: Int) -> Bool {
        let base = generation << CallState.phaseBits
        var current = state.load(ordering: .relaxed)
        while CallState.generation(of: current) == generation {
            switch CallState.phase(of: current) {
            case CallState.empty:
                let (exchanged, found) = state.compareExchange(
                    expected: current, desired: base + CallState.claimed, ordering: .acquiring)
                if exchanged {
                    publish(outcome, base: base)
                    return true
                }
                current = found
            case CallState.parked:
                let (exchanged, found) = state.compareExchange(
                    expected: current, desired: base + CallState.resumed, ordering: .acquiring)
                if exchanged {
                    resumeParkedCaller(with: outcome)
                    return true
                }
                current = found
            default:
                return false
            }
        }
        return false
    }

    /// Readies the call for its owner's next request. Call only from the caller, once it has its outcome.
    func recycle() {
        outcome = nil
        let next = CallState.generation(of: state.load(ordering: .relaxed)) + 1
        state.store(next << CallState.phaseBits, ordering: .releasing)
    }

    /// Makes the outcome the winner wrote visible; if the caller parked meanwhile, resumes it instead.
    private func publish(_ outcome: Outcome, base: Int) {
        self.outcome = outcome
        let (exchanged, _) = state.compareExchange(
            expected: base + CallState.claimed, desired: base + CallState.ready, successOrdering: .releasing,
            failureOrdering: .acquiring)
        guard !exchanged else { return }
        // The caller moved the state to `claimedParked`, so its continuation is ours to resume.
        state.store(base + CallState.resumed, ordering: .relaxed)
        resumeParkedCaller(with: outcome)
    }

    private func resumeParkedCaller(with outcome: Outcome) {
        let continuation = self.continuation.take()!
        continuation.resume(returning: outcome)
    }
}

/// The phases of one use of a `PendingCall`, in the low bits of its state word; the generation is in the
/// high bits. Only the transitions written in its methods happen. Internal, not private, so that callers'
/// modules can specialise the call for their reply type.
enum CallState {
    /// Nobody has completed the call; the caller is not parked (it may be spinning).
    static let empty = 0
    /// The caller parked its continuation; nobody has completed the call yet.
    static let parked = 1
    /// A completer won and is writing the outcome.
    static let claimed = 2
    /// A completer won while the caller was parking: the completer resumes the caller.
    static let claimedParked = 3
    /// The outcome is written; the caller (spinning or about to park) takes it.
    static let ready = 4
    /// The parked caller was resumed.
    static let resumed = 5

    static let phaseBits = 3
    static func phase(of word: Int) -> Int { word & (1 << phaseBits - 1) }
    static func generation(of word: Int) -> Int { word >> phaseBits }
}
