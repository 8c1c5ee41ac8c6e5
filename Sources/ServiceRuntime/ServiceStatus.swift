/// Counts of request outcomes.
public struct OutcomeCounts: Sendable, Equatable {
    public var ok = 0
    public var error = 0
    public var timeout = 0
    public var rejected = 0

    public init(ok: Int = 0, error: Int = 0, timeout: Int = 0, rejected: Int = 0) {
        self.ok = ok
        self.error = error
        self.timeout = timeout
        self.rejected = rejected
    }

    public var total: Int { ok + error + timeout + rejected }

    mutating func add(_ outcome: TraceEntry.Outcome) {
        switch outcome {
        case .ok: ok += 1
        case .error: error += 1
        case .timeout: timeout += 1
        case .rejected: rejected += 1
        }
    }
}

/// A snapshot of one service, as the debug panel shows it.
public struct ServiceStatus: Sendable, Equatable {
    public var name: String
    public var state: ServiceState
    public var mailboxDepth: Int
    public var mailboxCapacity: Int
    public var mailboxHighWater: Int
    public var inFlight: Int
    /// Outcomes over the last 10 seconds.
    public var recent: OutcomeCounts
    public var total: OutcomeCounts
    public var latencyP50: Duration?
    public var latencyP99: Duration?
    public var restarts: Int
    /// Time since the service last became `running`; nil while it is not running.
    public var uptime: Duration?
    public var lastError: String?
    /// Events dropped because a subscriber fell behind.
    public var droppedEvents: Int
    /// When the supervisor will next restart the service, if it is waiting to.
    public var nextRestartIn: Duration?
    public var faults: FaultInjection
    /// What stands behind the service (the local data directory, or a homeserver and its figures); set by
    /// the wiring.
    public var backend = ServiceBackend.local
    /// Whether what stands behind the service (a homeserver) cannot be reached just now; set by the wiring.
    public var isBackendUnreachable = false

    public init(
        name: String, state: ServiceState, mailboxDepth: Int = 0, mailboxCapacity: Int = 1024,
        mailboxHighWater: Int = 0, inFlight: Int = 0, recent: OutcomeCounts = .init(), total: OutcomeCounts = .init(),
        latencyP50: Duration? = nil, latencyP99: Duration? = nil, restarts: Int = 0, uptime: Duration? = nil,
        lastError: String? = nil, droppedEvents: Int = 0, nextRestartIn: Duration? = nil, faults: FaultInjection = .none
    ) {
        self.name = name
        self.state = state
        self.mailboxDepth = mailboxDepth
        self.mailboxCapacity = mailboxCapacity
        self.mailboxHighWater = mailboxHighWater
        self.inFlight = inFlight
        self.recent = recent
        self.total = total
        self.latencyP50 = latencyP50
        self.latencyP99 = latencyP99
        self.restarts = restarts
        self.uptime = uptime
        self.lastError = lastError
        self.droppedEvents = droppedEvents
        self.nextRestartIn = nextRestartIn
        self.faults = faults
    }
}
