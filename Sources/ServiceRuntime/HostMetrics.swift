/// The numbers a host keeps about itself; updated under a lock of their own, read into `ServiceStatus`.
struct HostMetrics {
    private static let windowSeconds = 10

    var total = OutcomeCounts()
    /// One bucket per second of the last `windowSeconds`, tagged with the second it counts.
    private var buckets = [(second: Int64, counts: OutcomeCounts)](repeating: (-1, OutcomeCounts()), count: 10)
    private var latencies = RingBuffer<Int64>(capacity: 2048)
    var trace = RingBuffer<TraceEntry>(capacity: 256)
    var restarts = 0
    var lastError: String?
    private let epoch = ContinuousClock.now

    mutating func record(
        _ outcome: TraceEntry.Outcome, kind: String, caller: String, service: String,
        at now: ContinuousClock.Instant, latency: Duration, error: String? = nil
    ) {
        if let error { lastError = error }
        total.add(outcome)
        let second = (now - epoch).components.seconds
        let index = Int(second % Int64(Self.windowSeconds))
        if buckets[index].second != second { buckets[index] = (second, OutcomeCounts()) }
        buckets[index].counts.add(outcome)
        if outcome == .ok || outcome == .error { latencies.append(latency.nanoseconds) }
        trace.append(
            TraceEntry(time: now, caller: caller, service: service, kind: kind, outcome: outcome, latency: latency))
    }

    func recent(at now: ContinuousClock.Instant) -> OutcomeCounts {
        let second = (now - epoch).components.seconds
        var sum = OutcomeCounts()
        for bucket in buckets where bucket.second > second - Int64(Self.windowSeconds) && bucket.second >= 0 {
            sum.ok += bucket.counts.ok
            sum.error += bucket.counts.error
            sum.timeout += bucket.counts.timeout
            sum.rejected += bucket.counts.rejected
        }
        return sum
    }

    /// The metrics' part of a status, and a private copy of the latency samples: the caller sorts them
    /// outside the lock, so that a status read never holds up the consumer recording its next reply.
    func snapshot(name: String, droppedEvents: Int, at now: ContinuousClock.Instant) -> (ServiceStatus, [Int64]) {
        let status = ServiceStatus(
            name: name, state: .stopped, recent: recent(at: now), total: total, restarts: restarts,
            lastError: lastError, droppedEvents: droppedEvents)
        return (status, latencies.elements)
    }

    /// p50 and p99 of `samples`, the most recent handled requests' latencies in nanoseconds.
    static func percentiles(of samples: [Int64]) -> (p50: Duration, p99: Duration)? {
        let sorted = samples.sorted()
        guard !sorted.isEmpty else { return nil }
        func at(_ fraction: Double) -> Duration {
            .nanoseconds(sorted[min(sorted.count - 1, Int(Double(sorted.count) * fraction))])
        }
        return (at(0.5), at(0.99))
    }
}
