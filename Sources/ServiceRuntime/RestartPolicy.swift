/// How a supervisor restarts a crashed service: exponential backoff with jitter, and a cap on how many
/// restarts may happen within a window before the service is left `failed`.
public struct RestartPolicy: Sendable, Equatable {
    public var maxRestarts: Int
    public var window: Duration
    public var initialBackoff: Duration
    public var maxBackoff: Duration
    /// Fraction of each delay added or removed at random, so services crashed together don't restart together.
    public var jitter: Double

    public init(
        maxRestarts: Int = 3, window: Duration = .seconds(30),
        initialBackoff: Duration = .milliseconds(100), maxBackoff: Duration = .seconds(5), jitter: Double = 0.2
    ) {
        self.maxRestarts = maxRestarts
        self.window = window
        self.initialBackoff = initialBackoff
        self.maxBackoff = maxBackoff
        self.jitter = jitter
    }
}

/// Decides, from the crash history, whether to restart and after how long. Pure: time and randomness come in.
struct RestartPlanner: Sendable {
    enum Decision: Equatable {
        case restart(after: Duration)
        case giveUp
    }

    let policy: RestartPolicy
    private(set) var recentRestarts: [ContinuousClock.Instant] = []

    init(policy: RestartPolicy) { self.policy = policy }

    /// Records a crash at `now`; `random` is a uniform value in 0..<1 used for jitter.
    mutating func crashed(at now: ContinuousClock.Instant, random: Double) -> Decision {
        recentRestarts.removeAll { now - $0 > policy.window }
        guard recentRestarts.count < policy.maxRestarts else { return .giveUp }
        let attempt = recentRestarts.count
        recentRestarts.append(now)
        let base = min(policy.initialBackoff * (1 << min(attempt, 30)), policy.maxBackoff)
        let factor = 1 + policy.jitter * (2 * random - 1)
        return .restart(after: base * factor)
    }

    /// A start by hand forgives earlier crashes.
    mutating func reset() { recentRestarts.removeAll() }
}
