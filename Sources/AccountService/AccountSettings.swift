/// How the account service behaves; the wiring fills it from the `[account]` part of `config.toml`.
public struct AccountSettings: Sendable, Equatable {
    /// How long a session token is good for after sign-in (`account.session_days`).
    public var sessionLifetime: Duration
    /// A user is shown offline once no heartbeat came for this long (`account.presence_timeout_s`).
    public var presenceTimeout: Duration
    /// The longest the service goes without looking for presence and profile changes. It looks whenever the
    /// store is written (by any process) and when a user's heartbeat is due to time out, so this is only a
    /// safety net, long so that an idle app is not woken by it; tests with a hand-moved clock set it short.
    public var changeCheckInterval: Duration
    /// The cost of new password hashes; stored hashes with a lower cost are upgraded at the next sign-in.
    public var passwordCost: PasswordCost

    public init(
        sessionLifetime: Duration = .seconds(30 * 86_400), presenceTimeout: Duration = .seconds(30),
        changeCheckInterval: Duration = .seconds(60), passwordCost: PasswordCost = .recommended
    ) {
        self.sessionLifetime = sessionLifetime
        self.presenceTimeout = presenceTimeout
        self.changeCheckInterval = changeCheckInterval
        self.passwordCost = passwordCost
    }
}

/// Scrypt's cost parameters. Memory use is about 128 × rounds × blockSize bytes per hash.
public struct PasswordCost: Sendable, Equatable {
    /// N: a power of two, at least 2, below 2^(16 × blockSize).
    public var rounds: Int
    /// r
    public var blockSize: Int
    /// p
    public var parallelism: Int

    public init(rounds: Int, blockSize: Int, parallelism: Int) {
        self.rounds = rounds
        self.blockSize = blockSize
        self.parallelism = parallelism
    }

    /// One of OWASP's equivalent scrypt settings (N=2^15, r=8, p=3): 32 MiB per hash, so that several
    /// processes signing in at once stay within a laptop's memory.
    public static let recommended = PasswordCost(rounds: 1 << 15, blockSize: 8, parallelism: 3)

    /// A cost that takes about a millisecond and protects nothing: for tests and demos (`password_cost =
    /// "fast"`), so that a busy machine's sign-ins stay far inside the request deadline.
    public static let fast = PasswordCost(rounds: 16, blockSize: 1, parallelism: 1)

    /// The memory scrypt may use for one hash: its working set (128 × rounds × blockSize, and 128 ×
    /// blockSize × parallelism) with room to spare; OpenSSL's own default limit (32 MiB) is below OWASP's cost.
    var memoryLimit: UInt64 {
        UInt64(128 * blockSize * (rounds + parallelism + 2)) * 2
    }

    /// Whether scrypt accepts these parameters.
    var isValid: Bool {
        rounds >= 2 && rounds & (rounds - 1) == 0 && blockSize >= 1 && parallelism >= 1
            && rounds.trailingZeroBitCount < 16 * blockSize
    }
}

extension Duration {
    /// The duration in seconds, for arithmetic with `Date`.
    var timeInterval: Double {
        Double(components.seconds) + Double(components.attoseconds) / 1e18
    }
}
