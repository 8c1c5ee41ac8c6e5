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
    /// The lifecycle as one word and the mailbox: what a request touches, read without the lock.
    let lifecycle: LifecycleWord
    let mailbox: Mailbox<Core.Job>
    /// Counts, latencies and the trace, and the outcomes not counted yet; apart from `core` and on cache
    /// lines of their own, so that recording never delays an admission nor moves a line callers read.
    let counting = Counting()
    let eventHub = EventHub<Event>()
    let statusHub = EventHub<ServiceStatus>()
    let statusSignal: StatusSignal
    /// Serialises start, stop and restart, which may come from any caller at any time.
    private let controlChain = Mutex<Task<Void, Never>?>(nil)
    let housekeeping = Mutex<[Task<Void, Never>]>([])
    /// Spare calls: a request takes one instead of allocating it and gives it back once it has its outcome.
    let calls = CallPool<Reply, Failure>()

    /// Creates a stopped host; call `start()` to run the service.
    /// - Parameter factory: makes a fresh handler on every start and restart; throwing counts as a crash.
    public init(
        name: String, configuration: ServiceConfiguration = .init(),
        factory: @escaping @Sendable (Context) async throws -> Handler
    ) {
        self.name = name
        self.configuration = configuration
        self.factory = factory
        let core = Core(capacity: configuration.mailboxCapacity)
        self.lifecycle = core.lifecycle
        self.mailbox = core.mailbox
        self.statusSignal = core.statusSignal
        self.core = Mutex(core)
        startHousekeeping()
    }

    // MARK: - Requests

    public func request(
        _ request: Request, caller: String = "app", timeout: Duration? = nil
    ) async throws(ServiceCallError<Failure>) -> Reply {
        let now = ContinuousClock.now
        let limit = timeout.map { min($0, configuration.defaultTimeout) } ?? configuration.defaultTimeout
        let call = calls.take()
        let ticket = Core.Call(call: call, generation: call.generation)
        let admission: Int
        do {
            admission = try deliver(request, call: ticket, caller: caller, at: now)
        } catch {
            calls.give(back: call)
            throw error
        }
        // The reply usually lands within a microsecond: polling for it is far cheaper than a park and a wake.
        // A stop or crash meanwhile changes the lifecycle word, and the caller then fails its own call.
        let lifecycle = self.lifecycle
        let outcome: Core.Call.Outcome
        if Spin.wait(
            Spin.callerBudget,
            until: { call.isReady || LifecycleWord.admission(of: lifecycle.current) != admission }),
            let ready = call.takeReadyOutcome()
        {
            outcome = ready
        } else {
            let waiting = ParkedCall(
                ticket: ticket, deadline: now + limit, timeout: limit, kind: request.kind, caller: caller, admitted: now
            )
            outcome = await park(waiting, admittedTo: admission)
        }
        calls.give(back: call)
        return try outcome.get()
    }

    /// Puts the job in the mailbox if the service is running and has room; returns the lifecycle word
    /// (incarnation and state) it was admitted under.
    private func deliver(
        _ request: Request, call: Core.Call, caller: String, at now: ContinuousClock.Instant
    ) throws(ServiceCallError<Failure>) -> Int {
        let word = lifecycle.current
        guard LifecycleWord.isRunning(word) else {
            record(request.kind, caller: caller, outcome: .rejected, admitted: now, at: now)
            throw .unavailable(service: name, state: LifecycleWord.state(of: word))
        }
        let job = Core.Job(
            request: request, call: call, caller: caller, admitted: now, incarnation: LifecycleWord.generation(of: word)
        )
        guard mailbox.put(job) else {
            record(request.kind, caller: caller, outcome: .rejected, admitted: now, at: now)
            throw .overloaded(service: name, capacity: mailbox.capacity)
        }
        statusSignal.raise()
        return LifecycleWord.admission(of: word)
    }

    /// The slow way to the reply: the caller registers where a stop and the deadline sweeper find it, and
    /// parks. If its incarnation ended meanwhile, it fails its own call instead (the first outcome wins).
    private func park(_ waiting: ParkedCall<Reply, Failure>, admittedTo admission: Int) async -> Core.Call.Outcome {
        let result = core.withLock { $0.park(waiting, admittedTo: admission) }
        switch result {
        case let .parked(sweeper, alarm):
            if let alarm { AlarmClock.shared.cancel(alarm) }
            sweeper?.resume()
        case let .over(state): waiting.ticket.complete(.failure(.unavailable(service: name, state: state)))
        }
        let call = waiting.ticket.call
        let outcome = await withUnsafeContinuation { call.wait($0) }
        if case .parked = result {
            _ = core.withLock { $0.parked.removeValue(forKey: ObjectIdentifier(call)) }
        }
        return outcome
    }

    public func events(bufferSize: Int = 256) -> AsyncStream<Event> {
        eventHub.subscribe(bufferSize: bufferSize)
    }

    // MARK: - Control

    public var status: ServiceStatus {
        counting.waitUntilCounted()
        let dropped = eventHub.droppedCount
        let now = ContinuousClock.now
        let (counted, latencies) = counting.metrics.withLock {
            $0.snapshot(name: name, droppedEvents: dropped, at: now)
        }
        var status = counted
        let percentiles = HostMetrics.percentiles(of: latencies)
        status.latencyP50 = percentiles?.p50
        status.latencyP99 = percentiles?.p99
        return core.withLock { $0.status(adding: status, at: now) }
    }

    public func statusUpdates() -> AsyncStream<ServiceStatus> { statusHub.subscribe(bufferSize: 16) }

    public var recentTrace: [TraceEntry] {
        counting.waitUntilCounted()
        return counting.metrics.withLock { $0.trace.elements }
    }

    /// Counts an outcome and traces it.
    func record(
        _ kind: String, caller: String, outcome: TraceEntry.Outcome, admitted: ContinuousClock.Instant,
        at now: ContinuousClock.Instant, error: String? = nil
    ) {
        counting.metrics.withLock { metrics in
            metrics.record(
                outcome, kind: kind, caller: caller, service: name, at: now, latency: now - admitted, error: error)
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
            core.touch()
        }
        mailbox.wakeConsumer()
    }

    public func crash() {
        crash(generation: nil, reason: "crashed on purpose (fault injection)")
    }

    /// Asks the consumer of incarnation `generation` (or of the current one) to crash before its next job.
    func crash(generation: Int?, reason: String) {
        let asked = core.withLock { core in
            guard generation ?? core.generation == core.generation, core.state == .running else { return false }
            if core.crashReason == nil { core.crashReason = reason }
            return true
        }
        if asked { mailbox.wakeConsumer() }
    }

    /// Stops the service and the host's own tasks; the host is not used afterwards.
    public func close() async {
        await stop()
        for task in housekeeping.withLock({ $0 }) { task.cancel() }
        if case let .parked(sweeper, alarm) = core.withLock({ $0.takeSweeper() }) {
            if let alarm { AlarmClock.shared.cancel(alarm) }
            sweeper?.resume()
        }
        statusSignal.release()
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
