/// What stands behind a service, as the debug panel shows it: the local data directory, or a homeserver
/// with the figures of the service's own client of it. Set by the wiring; a host alone reports `.local`.
public enum ServiceBackend: Sendable, Equatable {
    case local
    case homeserver(HomeserverFigures)

    /// The homeserver's figures, nil for a local service.
    public var homeserver: HomeserverFigures? {
        if case let .homeserver(figures) = self { figures } else { nil }
    }
}

/// One service's view of its homeserver: request latency, sync lag, rate limits and the last error.
public struct HomeserverFigures: Sendable, Equatable {
    /// The server's host (and port), e.g. `matrix.example.org` or `127.0.0.1:8008`.
    public var name: String
    /// Median and 99th percentile of the recent ordinary requests (long polls and transfers left out).
    public var latencyP50: Duration?
    public var latencyP99: Duration?
    /// Time since the last sync answer was stored; nil for a service that does not sync, or before the first.
    public var syncLag: Duration?
    /// Whether the service runs the sync loop (so `-` for `syncLag` means no answer yet, not "not syncing").
    public var syncs: Bool
    /// 429 `M_LIMIT_EXCEEDED` answers received, and the wait the last one asked for.
    public var rateLimitedCount: Int
    public var lastRetryAfter: Duration?
    /// The last error from the server or the network, as its one sentence.
    public var lastError: String?

    public init(
        name: String, latencyP50: Duration? = nil, latencyP99: Duration? = nil, syncLag: Duration? = nil,
        syncs: Bool = false, rateLimitedCount: Int = 0, lastRetryAfter: Duration? = nil, lastError: String? = nil
    ) {
        self.name = name
        self.latencyP50 = latencyP50
        self.latencyP99 = latencyP99
        self.syncLag = syncLag
        self.syncs = syncs
        self.rateLimitedCount = rateLimitedCount
        self.lastRetryAfter = lastRetryAfter
        self.lastError = lastError
    }
}
