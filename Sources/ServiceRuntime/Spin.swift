import Synchronization

/// Brief busy-waiting, used where a task handoff would cost far more than the wait.
///
/// Waking a parked task costs microseconds (a futex wake and a context switch); a reply or the next
/// request usually arrives within a few hundred nanoseconds while traffic flows. So each side polls for a
/// short, bounded time before it parks, and an idle service parks within the budget: it costs no CPU.
enum Spin {
    static var callerBudget: Duration { .microseconds(4) }
    static var consumerBudget: Duration { .microseconds(20) }

    /// Polls `isReady` until it is true or `budget` has passed; returns whether it became true.
    ///
    /// `isReady` should read a plain atomic: generic code in the loop would pay a metadata lookup per probe.
    /// The clock is read only every `probesPerClockRead` probes (a read costs ~25 ns, a probe ~1 ns), and
    /// not at all when the wait is short: a reply usually lands within the first few hundred probes.
    static func wait(_ budget: Duration, until isReady: () -> Bool) -> Bool {
        for _ in 0..<probesPerClockRead where isReady() { return true }
        let deadline = ContinuousClock.now + budget
        while true {
            for _ in 0..<probesPerClockRead where isReady() { return true }
            if ContinuousClock.now >= deadline { return false }
        }
    }

    private static var probesPerClockRead: Int { 256 }
}
