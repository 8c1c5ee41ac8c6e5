import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One-shot alarms for the whole process, kept by one thread that sleeps until the earliest is due.
///
/// Not `Task.sleep`: on Linux each Dispatch timer costs the Dispatch manager thread a wake-up to arm it and
/// another to fire it, before the task's own. Here an alarm due later than the earliest costs no wake-up to
/// arm, and a cancelled one none at all until the earliest is due: the thread sleeps in `poll` with the exact
/// timeout, and arming wakes it only when the new alarm is the earliest. (What Dispatch itself still does
/// while the app is idle is its worker pool's monitor: a 1 s timer on the manager thread, out of our reach.)
public final class AlarmClock: Sendable {
    /// An armed alarm, to cancel it.
    public struct Token: Hashable, Sendable {
        fileprivate let id: UInt64
    }

    private struct Alarm {
        let due: ContinuousClock.Instant
        let fire: @Sendable () -> Void
    }

    private struct Schedule {
        var alarms: [UInt64: Alarm] = [:]
        var nextID: UInt64 = 0
        /// When the thread will next wake by itself; nil while it sleeps with no timeout (or is not running).
        var wakesAt: ContinuousClock.Instant?
        var isRunning = false
    }

    /// The clock every part of the process shares: one thread, however many alarms.
    public static let shared = AlarmClock()

    private let schedule = Mutex(Schedule())
    /// Written to wake the thread when an alarm is armed earlier than it planned to wake.
    private let wakeRead: Int32
    private let wakeWrite: Int32

    public init() {
        var fds: [Int32] = [-1, -1]
        // If no pipe can be made the thread polls nothing and wakes on its timeouts alone; an earlier alarm
        // armed meanwhile then waits for the next due one, which is the best that is possible without it.
        _ = pipe(&fds)
        if fds[0] >= 0 {
            _ = fcntl(fds[0], F_SETFL, O_NONBLOCK)
            _ = fcntl(fds[1], F_SETFL, O_NONBLOCK)
        }
        (wakeRead, wakeWrite) = (fds[0], fds[1])
    }

    /// Calls `fire` at `instant` (at once if it has passed), on the clock's thread: it must hand off, not work.
    @discardableResult
    public func arm(at instant: ContinuousClock.Instant, _ fire: @escaping @Sendable () -> Void) -> Token {
        let (token, mustWake, mustStart) = schedule.withLock { schedule in
            schedule.nextID += 1
            schedule.alarms[schedule.nextID] = Alarm(due: instant, fire: fire)
            let mustStart = !schedule.isRunning
            schedule.isRunning = true
            let mustWake = !mustStart && schedule.wakesAt.map { instant < $0 } ?? true
            return (Token(id: schedule.nextID), mustWake, mustStart)
        }
        if mustStart, !startThread() {
            // No thread to be had (the process is out of them): this alarm goes off through Dispatch instead.
            Task { [self] in
                try? await Task.sleep(until: instant, clock: .continuous)
                if let alarm = schedule.withLock({ $0.alarms.removeValue(forKey: token.id) }) { alarm.fire() }
            }
        } else if mustWake {
            var byte: UInt8 = 1
            _ = write(wakeWrite, &byte, 1)
        }
        return token
    }

    /// Disarms `token`'s alarm if it has not gone off. The thread is not woken: an alarm cancelled is one that
    /// was due later than now, and waking early to find nothing due costs what the cancel means to save.
    public func cancel(_ token: Token) {
        _ = schedule.withLock { $0.alarms.removeValue(forKey: token.id) }
    }

    /// How many alarms are armed.
    public var armedCount: Int { schedule.withLock { $0.alarms.count } }

    // MARK: - The clock's thread

    /// A plain thread, not a task: it blocks in `poll`, which a task must never do on the cooperative pool.
    private func startThread() -> Bool {
        var thread = pthread_t()
        let clock = Unmanaged.passRetained(self).toOpaque()
        let started = pthread_create(
            &thread, nil,
            { argument in
                guard let argument else { return nil }
                Unmanaged<AlarmClock>.fromOpaque(argument).takeRetainedValue().run()
                return nil
            }, clock)
        guard started == 0 else {
            Unmanaged<AlarmClock>.fromOpaque(clock).release()
            schedule.withLock { $0.isRunning = false }
            return false
        }
        pthread_detach(thread)
        return true
    }

    private func run() {
        while true {
            let now = ContinuousClock.now
            let (due, next) = schedule.withLock { schedule in
                let due = schedule.alarms.filter { $0.value.due <= now }
                for id in due.keys { schedule.alarms.removeValue(forKey: id) }
                let next = schedule.alarms.values.lazy.map(\.due).min()
                schedule.wakesAt = next
                return (due.values.sorted { $0.due < $1.due }, next)
            }
            for alarm in due { alarm.fire() }
            if !due.isEmpty { continue }  // an alarm's handler may have armed another: look again first
            var descriptor = pollfd(fd: wakeRead, events: Int16(POLLIN), revents: 0)
            let ready = poll(
                &descriptor, wakeRead >= 0 ? 1 : 0, next.map { Self.milliseconds(until: $0, from: now) } ?? -1)
            if ready > 0 { drainWakes() }
        }
    }

    private func drainWakes() {
        var buffer = [UInt8](repeating: 0, count: 64)
        while read(wakeRead, &buffer, buffer.count) > 0 {}
    }

    /// The poll timeout that ends at or just after `instant`: rounded up, so the thread never wakes a moment
    /// early, finds nothing due, and sleeps again for less than a millisecond.
    private static func milliseconds(until instant: ContinuousClock.Instant, from now: ContinuousClock.Instant)
        -> Int32
    {
        let (seconds, attoseconds) = (instant - now).components
        let milliseconds = seconds * 1_000 + (attoseconds + 999_999_999_999_999) / 1_000_000_000_000_000
        return Int32(clamping: max(0, milliseconds))
    }
}

extension AlarmClock {
    /// Suspends the calling task until `instant`, without a Dispatch timer (see `AlarmClock`). Not cut short by
    /// cancellation: for short pauses only, whose end a cancelled caller can wait for.
    public func sleep(until instant: ContinuousClock.Instant) async {
        guard instant > .now else { return }
        await withUnsafeContinuation { (continuation: UnsafeContinuation<Void, Never>) in
            arm(at: instant) { continuation.resume() }
        }
    }
}
