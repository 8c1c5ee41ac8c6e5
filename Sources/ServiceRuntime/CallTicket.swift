import Synchronization

/// One request's claim on a reusable `PendingCall`: the call and the use it was made for. The mailbox, the
/// deadline sweeper and a stop hold tickets, so whatever they complete late is ignored.
///
/// The call is held unmanaged, and used through `_withUnsafeGuaranteedRef`: counting references from the
/// consumer would pull the call's first cache line (where its count lives, beside the state word the caller
/// is polling) away from the caller, and even an `unowned(unsafe)` reference was retained around each use.
/// It is safe because the pool keeps every call it made until the host goes, and tickets live inside the host.
struct CallTicket<Reply: Sendable, Failure: Error & Sendable> {
    typealias Outcome = PendingCall<Reply, Failure>.Outcome

    private let reference: Unmanaged<PendingCall<Reply, Failure>>
    let generation: Int

    init(call: PendingCall<Reply, Failure>, generation: Int) {
        reference = .passUnretained(call)
        self.generation = generation
    }

    var call: PendingCall<Reply, Failure> { reference.takeUnretainedValue() }

    var isDone: Bool { reference._withUnsafeGuaranteedRef { $0.isDone(generation: generation) } }

    @discardableResult
    func complete(_ outcome: Outcome) -> Bool {
        reference._withUnsafeGuaranteedRef { $0.complete(outcome, generation: generation) }
    }
}

/// The spare calls of a host, so that a request reuses one instead of allocating it. Only callers touch
/// the pool (one lock round trip each way, on a line the consumer never reads). It never frees a call (see
/// `CallTicket`): it holds as many as there were callers waiting at once, at most.
final class CallPool<Reply: Sendable, Failure: Error & Sendable>: Sendable {
    typealias Call = PendingCall<Reply, Failure>

    private let spares = Mutex<[Call]>([])

    func take() -> Call {
        spares.withLock { $0.popLast() } ?? Call()
    }

    /// Takes back a call whose caller has its outcome; later completions of that use are ignored.
    func give(back call: Call) {
        call.recycle()
        spares.withLock { $0.append(call) }
    }
}
