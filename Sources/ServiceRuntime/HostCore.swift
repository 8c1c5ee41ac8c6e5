/// What a host knows that changes on the slow paths, kept in one value under one lock: the lifecycle, the
/// callers parked waiting for a reply, the faults. Its methods decide; the host performs the waking and
/// resuming they return. The mailbox itself takes no lock (see `Mailbox`): admissions read the lifecycle
/// from `LifecycleWord`, which every change here keeps up to date.
struct HostCore<Request: ServiceRequest, Reply: Sendable, Failure: Error & Sendable> {
    /// A waiting caller as the host sees it: a ticket for one use of the caller's reusable call.
    typealias Call = CallTicket<Reply, Failure>

    /// Kept small: with a small request, a job and its slot's sequence number fit one 64-byte cache line,
    /// so handing it to the consumer moves one line between the cores, not two.
    struct Job {
        let request: Request
        let call: Call
        let caller: String
        /// When it was admitted, in nanoseconds since `RuntimeEpoch.start` (an `Instant` takes 16 bytes).
        private let admittedNanoseconds: Int64
        /// The incarnation that admitted the job, truncated: a later one drops it (its caller was told at the
        /// stop). Two incarnations 2^32 restarts apart are never both alive.
        private let admittedIncarnation: UInt32

        init(request: Request, call: Call, caller: String, admitted: ContinuousClock.Instant, incarnation: Int) {
            self.request = request
            self.call = call
            self.caller = caller
            admittedNanoseconds = RuntimeEpoch.nanoseconds(at: admitted)
            admittedIncarnation = UInt32(truncatingIfNeeded: incarnation)
        }

        var admitted: ContinuousClock.Instant { RuntimeEpoch.instant(atNanoseconds: admittedNanoseconds) }

        func isAdmitted(by incarnation: Int) -> Bool {
            admittedIncarnation == UInt32(truncatingIfNeeded: incarnation)
        }
    }

    let capacity: Int
    let lifecycle: LifecycleWord
    let mailbox: Mailbox<Job>
    let statusSignal: StatusSignal

    var state: ServiceState = .stopped {
        didSet { publishLifecycle() }
    }
    /// Bumped at every start so that a stale incarnation's consumer recognises it must end.
    var generation = 0 {
        didSet {
            mailbox.hand(to: generation)
            publishLifecycle()
        }
    }
    /// Set by `crash()` or a failing background task; the consumer ends the incarnation with it.
    var crashReason: String? {
        didSet { publishLifecycle() }
    }
    var faults = FaultInjection.none {
        didSet { publishLifecycle() }
    }
    /// Callers that gave up spinning for their reply and parked: the ones the sweeper and a stop look at.
    var parked: [ObjectIdentifier: ParkedCall<Reply, Failure>] = [:]
    /// The deadline sweeper while it waits, and the deadline it waits for (nil: until a caller parks).
    var sweeper: UnsafeContinuation<Void, Never>?
    var sweeperDue: ContinuousClock.Instant?
    var sweeperAlarm: AlarmClock.Token?
    var runningSince: ContinuousClock.Instant?
    var nextRestartAt: ContinuousClock.Instant?
    var runner: Task<Void, Never>?
    var backgroundTasks: [Task<Void, Never>] = []

    init(capacity: Int) {
        self.capacity = capacity
        lifecycle = LifecycleWord()
        mailbox = Mailbox(capacity: capacity)
        statusSignal = StatusSignal()
    }

    private func publishLifecycle() {
        lifecycle.store(
            generation: generation, state: state, crashPending: crashReason != nil, faultsActive: faults.isActive)
    }

    // MARK: - Parked callers

    /// Registers a caller about to park, unless the incarnation it was admitted to is over; returns the
    /// sweeper to wake, or nil (and registers nothing) with the state to fail the caller with.
    mutating func park(_ call: ParkedCall<Reply, Failure>, admittedTo admission: Int) -> ParkResult {
        let word = LifecycleWord.admission(of: lifecycle.current)
        guard word == admission else { return .over(state) }
        parked[ObjectIdentifier(call.ticket.call)] = call
        // A sweeper already waiting for a deadline no later than this one sees this call when it wakes.
        if let due = sweeperDue, due <= call.deadline { return .parked(sweeper: nil, alarm: nil) }
        return takeSweeper()
    }

    /// The waiting sweeper, to resume, and its alarm, to cancel; nothing if it is not waiting.
    mutating func takeSweeper() -> ParkResult {
        guard let waiting = sweeper.take() else { return .parked(sweeper: nil, alarm: nil) }
        sweeperDue = nil
        return .parked(sweeper: waiting, alarm: sweeperAlarm.take())
    }

    /// When the first parked caller that still waits must be failed; nil when none waits.
    var earliestDeadline: ContinuousClock.Instant? {
        parked.values.lazy.filter { !$0.ticket.isDone }.map(\.deadline).min()
    }

    enum ParkResult {
        case parked(sweeper: UnsafeContinuation<Void, Never>?, alarm: AlarmClock.Token?)
        case over(ServiceState)
    }

    /// Takes every parked caller out, e.g. when the service stops or crashes.
    mutating func drainCalls() -> [Call] {
        defer { parked.removeAll() }
        return parked.values.map(\.ticket)
    }

    // MARK: - Status

    /// Marks the status as changed; the signal wakes the status publisher if it waits.
    func touch() {
        statusSignal.raise()
    }

    /// The status, with the metrics' part already filled in by `HostMetrics.status`.
    func status(adding metrics: ServiceStatus, at now: ContinuousClock.Instant) -> ServiceStatus {
        var status = metrics
        status.state = state
        status.mailboxDepth = mailbox.depth
        status.mailboxCapacity = capacity
        status.mailboxHighWater = mailbox.highWater
        // Waiting callers register only once they park (after a few microseconds of polling), and a queued
        // job is in flight whether or not its caller has parked yet; so neither count alone is the whole.
        status.inFlight = max(parked.values.count { !$0.ticket.isDone }, status.mailboxDepth)
        status.uptime = runningSince.map { now - $0 }
        status.nextRestartIn = nextRestartAt.map { max(.zero, $0 - now) }
        status.faults = faults
        return status
    }
}
