import DequeModule

/// What a host knows that changes, kept in one value under one lock: the mailbox and the lifecycle state.
/// Its methods decide; the host performs the waking and resuming they return. The metrics live under a
/// lock of their own, so that recording a reply never holds up the next admission.
struct HostCore<Request: ServiceRequest, Reply: Sendable, Failure: Error & Sendable> {
    /// A waiting caller as the mailbox sees it: a ticket for one use of the caller's reusable call.
    typealias Call = CallTicket<Reply, Failure>

    struct Job {
        let request: Request
        /// Nil for a fire-and-forget send.
        let call: Call?
        let caller: String
        let admitted: ContinuousClock.Instant
    }

    enum Item {
        case request(Job)
        case crash(reason: String)
    }

    enum Admission {
        /// `handoff` is the parked consumer to resume with the item; `sweeper` the parked deadline sweeper.
        case admitted(handoff: UnsafeContinuation<Item?, Never>?, item: Item, sweeper: UnsafeContinuation<Void, Never>?)
        case refused(ServiceState)
        case full(capacity: Int)
    }

    let capacity: Int
    var state: ServiceState = .stopped
    /// Bumped at every start so that a stale incarnation's consumer recognises it must end.
    var generation = 0
    var queue = Deque<Item>()
    /// The job being handled now, so that a stop or the deadline sweeper can fail its caller.
    var current: Job?
    var consumer: UnsafeContinuation<Item?, Never>?
    var sweeper: UnsafeContinuation<Void, Never>?
    var statusWaiter: UnsafeContinuation<Void, Never>?
    var statusDirty = true
    var highWater = 0
    var faults = FaultInjection.none
    var runningSince: ContinuousClock.Instant?
    var nextRestartAt: ContinuousClock.Instant?
    var runner: Task<Void, Never>?
    var backgroundTasks: [Task<Void, Never>] = []

    init(capacity: Int) { self.capacity = capacity }

    // MARK: - Mailbox

    /// Queues `job` or says why not; a refusal is the caller's to record, outside this lock.
    mutating func admit(_ job: Job) -> Admission {
        guard state == .running else { return .refused(state) }
        guard queue.count < capacity else { return .full(capacity: capacity) }
        let item = Item.request(job)
        let consumer = self.consumer.take()
        if consumer != nil {
            // The consumer only parks on an empty queue, so handing it the item directly keeps the order.
            current = job
        } else {
            queue.append(item)
            highWater = max(highWater, queue.count)
        }
        return .admitted(handoff: consumer, item: item, sweeper: job.call == nil ? nil : sweeper.take())
    }

    /// The next item for incarnation `generation`, or `.end` when it must stop, or `.park` when empty.
    enum Next {
        case item(Item, FaultInjection)
        case end
        case park
    }

    mutating func next(for generation: Int) -> Next {
        current = nil
        guard generation == self.generation, state == .running else { return .end }
        guard let item = queue.popFirst() else { return .park }
        if case let .request(job) = item { current = job }
        return .item(item, faults)
    }

    /// Takes every waiting caller out of the mailbox, e.g. when the service stops or crashes.
    mutating func drainCalls() -> [Call] {
        var calls = queue.compactMap { item -> Call? in
            if case let .request(job) = item { job.call } else { nil }
        }
        if let call = current?.call { calls.append(call) }
        queue.removeAll()
        current = nil
        return calls
    }

    // MARK: - Status

    /// Marks the status as changed; returns the status publisher to wake, if it is waiting.
    mutating func touch() -> UnsafeContinuation<Void, Never>? {
        statusDirty = true
        return statusWaiter.take()
    }

    /// The status, with the metrics' part already filled in by `HostMetrics.status`.
    func status(adding metrics: ServiceStatus, at now: ContinuousClock.Instant) -> ServiceStatus {
        let live = queue.reduce(0) { count, item in
            if case let .request(job) = item, let call = job.call, !call.isDone { count + 1 } else { count }
        }
        var status = metrics
        status.state = state
        status.mailboxDepth = queue.count
        status.mailboxCapacity = capacity
        status.mailboxHighWater = highWater
        status.inFlight = live + (current?.call.map { $0.isDone ? 0 : 1 } ?? 0)
        status.uptime = runningSince.map { now - $0 }
        status.nextRestartIn = nextRestartAt.map { max(.zero, $0 - now) }
        status.faults = faults
        return status
    }
}
