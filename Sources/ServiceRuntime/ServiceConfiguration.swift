/// How a host runs its service: mailbox size, default deadline, supervision and status pacing.
public struct ServiceConfiguration: Sendable, Equatable {
    public var mailboxCapacity: Int
    /// The deadline every request gets unless the caller asks for a shorter one.
    public var defaultTimeout: Duration
    public var restartPolicy: RestartPolicy
    /// The shortest time between two published status snapshots (4 a second by default).
    public var statusInterval: Duration
    /// How long a stop waits for the handler to finish what it is doing before giving up on it.
    public var stopGracePeriod: Duration

    public init(
        mailboxCapacity: Int = 1024, defaultTimeout: Duration = .seconds(5), restartPolicy: RestartPolicy = .init(),
        statusInterval: Duration = .milliseconds(250), stopGracePeriod: Duration = .seconds(2)
    ) {
        self.mailboxCapacity = mailboxCapacity
        self.defaultTimeout = defaultTimeout
        self.restartPolicy = restartPolicy
        self.statusInterval = statusInterval
        self.stopGracePeriod = stopGracePeriod
    }
}
