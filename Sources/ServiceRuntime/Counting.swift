import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The host's metrics and the count of outcomes delivered but not counted yet. The consumer writes both on
/// every request, so they are padded onto cache lines of their own: sharing a line with anything a caller
/// reads (the host's configuration, its mailbox pointer) would move that line between the cores each time.
final class Counting: Sendable {
    private let leadingPadding = CacheLinePadding()
    let metrics = Mutex(HostMetrics())
    /// Outcomes delivered to their callers but not counted yet. Counting comes just after the reply, off
    /// the caller's path; status and trace reads wait for it, so a caller who has its reply sees it counted.
    let uncounted = Atomic<Int>(0)
    private let trailingPadding = CacheLinePadding()

    /// Runs `body` (which delivers outcomes and counts them) so that status reads wait until it has counted.
    func counting<T>(_ body: () -> T) -> T {
        uncounted.add(1, ordering: .relaxed)
        defer { uncounted.subtract(1, ordering: .releasing) }
        return body()
    }

    /// Waits (briefly: counting takes well under a microsecond) for delivered outcomes to be counted.
    func waitUntilCounted() {
        let isCounted = { self.uncounted.load(ordering: .acquiring) == 0 }
        if Spin.wait(.microseconds(200), until: isCounted) { return }
        // The consumer was descheduled between replying and counting (a loaded machine): give it the core,
        // for as long as a second, rather than show counts that miss a reply its caller already has.
        let deadline = ContinuousClock.now + .seconds(1)
        while !isCounted(), ContinuousClock.now < deadline { sched_yield() }
    }
}

/// 128 bytes of nothing, to keep the fields around it off their neighbours' cache lines (and line pairs).
struct CacheLinePadding: Sendable {
    private let words: (Int, Int, Int, Int, Int, Int, Int, Int, Int, Int, Int, Int, Int, Int, Int, Int) =
        (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
}
