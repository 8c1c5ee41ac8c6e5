import DequeModule

/// Everything a host knows that changes, kept in one value under one lock: the mailbox, the lifecycle
/// state and the metrics. Its methods decide; the host performs the waking and resuming they return.
struct HostCore<Request: ServiceRequest, Reply: Sendable, Failure: Error & Sendable> {
    typealias Call = PendingCall<Reply, Failure>

    struct Job {
        let request: Request
        /// Nil for a fire-and-forget send.
        let call: Call?
        let caller: String
        let admitted: ContinuousClock.Instant
    }

    /// A handled job's outcome, recorded when the consumer next takes the lock.
    struct Finished {
        let job: Job
        let outcome: TraceEntry.Outcome
        let at: ContinuousClock.Instant
        let error: String?
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
    var metrics = HostMetrics()
    var faults = FaultInjection.none
    var runningSince: ContinuousClock.Instant?
    var nextRestartAt: ContinuousClock.Instant?
    var runner: Task<Void, Never>?
    var backgroundTasks: [Task<Void, Never>] = []

    init(capacity: Int) { self.capacity = capacity }

    // MARK: - Mailbox

    mutating func admit(_ job: Job, service: String) -> Admission {
        guard state == .running else {
            recordRejection(job, service: service)
            return .refused(state)
        }
        guard queue.count < capacity else {
            recordRejection(job, service: service)
            return .full(capacity: capacity)
        }
        let item = Item.request(job)
        let consumer = self.consumer.take()
        if consumer != nil {
            // The consumer only parks on an empty queue, so handing it the item directly keeps the order.
            current = job
        } else {
            queue.append(item)
            metrics.highWater = max(metrics.highWater, queue.count)
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

    // MARK: - Metrics

    mutating func record(
        _ job: Job, outcome: TraceEntry.Outcome, service: String, at now: ContinuousClock.Instant,
        error: String? = nil
    ) {
        metrics.record(
            outcome, kind: job.request.kind, caller: job.caller, service: service, at: now,
            latency: now - job.admitted)
        if let error { metrics.lastError = error }
    }

    mutating func record(_ finished: Finished, service: String) {
        record(finished.job, outcome: finished.outcome, service: service, at: finished.at, error: finished.error)
    }

    private mutating func recordRejection(_ job: Job, service: String) {
        record(job, outcome: .rejected, service: service, at: job.admitted)
    }

    /// Marks the status as changed; returns the status publisher to wake, if it is waiting.
    mutating func touch() -> UnsafeContinuation<Void, Never>? {
        statusDirty = true
        return statusWaiter.take()
    }

    func status(name: String, droppedEvents: Int, at now: ContinuousClock.Instant) -> ServiceStatus {
        let live = queue.reduce(0) { count, item in
            if case let .request(job) = item, let call = job.call, !call.isDone { count + 1 } else { count }
        }
        let percentiles = metrics.percentiles()
        return ServiceStatus(
            name: name, state: state, mailboxDepth: queue.count, mailboxCapacity: capacity,
            mailboxHighWater: metrics.highWater, inFlight: live + (current?.call.map { $0.isDone ? 0 : 1 } ?? 0),
            recent: metrics.recent(at: now), total: metrics.total,
            latencyP50: percentiles?.p50, latencyP99: percentiles?.p99, restarts: metrics.restarts,
            uptime: runningSince.map { now - $0 }, lastError: metrics.lastError, droppedEvents: droppedEvents,
            nextRestartIn: nextRestartAt.map { max(.zero, $0 - now) }, faults: faults)
    }
}
