import Synchronization

/// Hosts one service: owns its bounded mailbox, its lifecycle and supervision, its metrics and its streams.
///
/// Callers talk to the handler only through messages. The handler runs one request at a time in a task of
/// its own; callers never run handler code, so a slow or hung handler costs its callers no more than
/// their deadline.
public final class ServiceHost<Handler: ServiceHandler>: ServiceEndpoint, ServiceControl {
    public typealias Request = Handler.Request
    public typealias Reply = Handler.Reply
    public typealias Event = Handler.Event
    public typealias Failure = Handler.Failure
    public typealias Context = ServiceContext<Event, Request>
    typealias Core = HostCore<Request, Reply, Failure>

    public let name: String
    public let configuration: ServiceConfiguration
    let factory: @Sendable (Context) async throws -> Handler
    let core: Mutex<Core>
    /// Counts, latencies and the trace; apart from `core` so that recording never delays an admission.
    let metrics = Mutex(HostMetrics())
    /// Outcomes delivered to their callers but not counted yet. Counting comes just after the reply, off
    /// the caller's path; status and trace reads wait for it, so a caller who has its reply sees it counted.
    let uncounted = Atomic<Int>(0)
    let eventHub = EventHub<Event>()
    let statusHub = EventHub<ServiceStatus>()
    /// Serialises start, stop and restart, which may come from any caller at any time.
    private let controlChain = Mutex<Task<Void, Never>?>(nil)
    let housekeeping = Mutex<[Task<Void, Never>]>([])
    /// Spare calls: a request takes one instead of allocating it and gives it back once it has its outcome.
    let calls = CallPool<Reply, Failure>()
    /// Bumped at each queued admission, so that a consumer spinning for work can poll without the lock.
    let admissions = SpinFlag()

    /// Creates a stopped host; call `start()` to run the service.
    /// - Parameter factory: makes a fresh handler on every start and restart; throwing counts as a crash.
    public init(
        name: String, configuration: ServiceConfiguration = .init(),
        factory: @escaping @Sendable (Context) async throws -> Handler
    ) {
        self.name = name
        self.configuration = configuration
        self.factory = factory
        self.core = Mutex(Core(capacity: configuration.mailboxCapacity))
        startHousekeeping()
    }

    // MARK: - Requests

    public func request(
        _ request: Request, caller: String = "app", timeout: Duration? = nil
    ) async throws(ServiceCallError<Failure>) -> Reply {
        let now = ContinuousClock.now
        let limit = timeout.map { min($0, configuration.defaultTimeout) } ?? configuration.defaultTimeout
        let call = calls.take()
        let ticket = Core.Call(call: call, generation: call.generation, deadline: now + limit, timeout: limit)
        do {
            try deliver(Core.Job(request: request, call: ticket, caller: caller, admitted: now))
        } catch {
            calls.give(back: call)
            throw error
        }
        // The reply usually lands within a microsecond: polling for it is far cheaper than a park and a wake.
        let outcome: Core.Call.Outcome
        if Spin.wait(Spin.callerBudget, until: { call.isReady }), let ready = call.takeReadyOutcome() {
            outcome = ready
        } else {
            outcome = await withUnsafeContinuation { call.wait($0) }
        }
        calls.give(back: call)
        return try outcome.get()
    }

    public func send(_ request: Request, caller: String = "app") -> SendOutcome {
        do throws(ServiceCallError<Failure>) {
            try deliver(Core.Job(request: request, call: nil, caller: caller, admitted: .now))
            return .accepted
        } catch {
            switch error {
            case let .unavailable(_, state): return .refused(state)
            case let .overloaded(_, capacity): return .rejected(capacity: capacity)
            default: return .refused(.stopped)
            }
        }
    }

    private func deliver(_ job: Core.Job) throws(ServiceCallError<Failure>) {
        let (admission, statusWaiter) = core.withLock { core in (core.admit(job), core.touch()) }
        statusWaiter?.resume()
        switch admission {
        case let .refused(state):
            record(job, outcome: .rejected, at: job.admitted)
            throw .unavailable(service: name, state: state)
        case let .full(capacity):
            record(job, outcome: .rejected, at: job.admitted)
            throw .overloaded(service: name, capacity: capacity)
        case let .admitted(handoff, item, sweeper):
            if let handoff { handoff.resume(returning: item) } else { admissions.bump() }
            sweeper?.resume()
        }
    }

    public func events(bufferSize: Int = 256) -> AsyncStream<Event> {
        eventHub.subscribe(bufferSize: bufferSize)
    }

    // MARK: - Control

    public var status: ServiceStatus {
        waitForCounting()
        let dropped = eventHub.droppedCount
        let now = ContinuousClock.now
        let (counted, latencies) = metrics.withLock { $0.snapshot(name: name, droppedEvents: dropped, at: now) }
        var status = counted
        let percentiles = HostMetrics.percentiles(of: latencies)
        status.latencyP50 = percentiles?.p50
        status.latencyP99 = percentiles?.p99
        return core.withLock { $0.status(adding: status, at: now) }
    }

    public func statusUpdates() -> AsyncStream<ServiceStatus> { statusHub.subscribe(bufferSize: 16) }

    public var recentTrace: [TraceEntry] {
        waitForCounting()
        return metrics.withLock { $0.trace.elements }
    }

    /// Waits (briefly: counting takes well under a microsecond) for delivered outcomes to be counted.
    private func waitForCounting() {
        _ = Spin.wait(.microseconds(200)) { uncounted.load(ordering: .acquiring) == 0 }
    }

    /// Counts `job`'s outcome and traces it.
    func record(_ job: Core.Job, outcome: TraceEntry.Outcome, at now: ContinuousClock.Instant, error: String? = nil) {
        let kind = job.request.kind
        metrics.withLock { metrics in
            metrics.record(
                outcome, kind: kind, caller: job.caller, service: name, at: now, latency: now - job.admitted,
                error: error)
        }
    }

    public func start() async { await control { await self.startNow() } }

    public func stop() async { await control { await self.stopNow() } }

    public func restart() async {
        await control {
            await self.stopNow()
            await self.startNow()
        }
    }

    public func inject(_ faults: FaultInjection) {
        core.withLock { core in
            core.faults = faults
            return core.touch()
        }?.resume()
    }

    public func crash() {
        let handoff: UnsafeContinuation<Core.Item?, Never>? = core.withLock { core in
            guard core.state == .running else { return nil }
            if let consumer = core.consumer.take() { return consumer }
            core.queue.prepend(.crash(reason: "crashed on purpose (fault injection)"))
            return nil
        }
        handoff?.resume(returning: .crash(reason: "crashed on purpose (fault injection)"))
    }

    /// Stops the service and the host's own tasks; the host is not used afterwards.
    public func close() async {
        await stop()
        for task in housekeeping.withLock({ $0 }) { task.cancel() }
        let waiters = core.withLock { core in (core.sweeper.take(), core.statusWaiter.take()) }
        waiters.0?.resume()
        waiters.1?.resume()
        eventHub.finish()
        statusHub.finish()
    }

    private func control(_ operation: @escaping @Sendable () async -> Void) async {
        let task = controlChain.withLock { previous in
            let next = Task { [previous] in
                await previous?.value
                await operation()
            }
            previous = next
            return next
        }
        await task.value
    }
}
