import Synchronization

/// What the debug panel shows about the homeserver: request latency, rate limits and the last error.
public struct MatrixClientMetrics: Sendable, Equatable {
    /// Median and 99th-percentile latency over the most recent ordinary requests (long polls and media
    /// transfers are left out: their time is the server's wait or the file's size, not the server's speed).
    public var latencyP50: Duration?
    public var latencyP99: Duration?
    /// Requests answered (any status), long polls and media included.
    public var requestCount: Int
    /// 429 `M_LIMIT_EXCEEDED` answers received, each waited out or given up on.
    public var rateLimitedCount: Int
    /// The `retry_after_ms` of the last 429, as a duration.
    public var lastRetryAfter: Duration?
    /// The last error from the server or the network, as its one sentence.
    public var lastError: String?
}

/// Keeps the recent latencies and counters behind a lock; recording and snapshots are O(window).
final class MetricsRecorder: Sendable {
    private struct State {
        var latencies: [Duration] = []
        var next = 0
        var requestCount = 0
        var rateLimitedCount = 0
        var lastRetryAfter: Duration?
        var lastError: String?
    }

    /// How many recent requests the percentiles cover.
    static let window = 256
    private let state = Mutex(State())

    func recordResponse(latency: Duration, measured: Bool) {
        state.withLock { state in
            state.requestCount += 1
            guard measured else { return }
            if state.latencies.count < Self.window {
                state.latencies.append(latency)
            } else {
                state.latencies[state.next] = latency
            }
            state.next = (state.next + 1) % Self.window
        }
    }

    func recordRateLimit(retryAfter: Duration) {
        state.withLock { state in
            state.rateLimitedCount += 1
            state.lastRetryAfter = retryAfter
        }
    }

    func recordError(_ error: MatrixError) {
        state.withLock { $0.lastError = error.description }
    }

    func snapshot() -> MatrixClientMetrics {
        state.withLock { state in
            let sorted = state.latencies.sorted()
            return MatrixClientMetrics(
                latencyP50: Self.percentile(0.50, of: sorted), latencyP99: Self.percentile(0.99, of: sorted),
                requestCount: state.requestCount, rateLimitedCount: state.rateLimitedCount,
                lastRetryAfter: state.lastRetryAfter, lastError: state.lastError)
        }
    }

    /// The nearest-rank percentile of an ascending list.
    static func percentile(_ fraction: Double, of sorted: [Duration]) -> Duration? {
        guard !sorted.isEmpty else { return nil }
        let rank = Int((fraction * Double(sorted.count)).rounded(.up))
        return sorted[min(max(rank, 1), sorted.count) - 1]
    }
}
