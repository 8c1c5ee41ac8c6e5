import ServiceRuntime

/// A one-shot wake-up for the app loop at a given instant, armed only when something is due.
///
/// An idle app must not wake on a fixed period (each wake-up costs the machine, however little is done), so
/// the loop arms an alarm for the next thing due instead: the next heartbeat, a frame held back, the cached
/// view's next write. Asking again for a later instant keeps the earlier alarm, so a burst of messages that
/// each ask for the same deadline arms one alarm, not one per message. The alarms are the process's
/// `AlarmClock`, not `Task.sleep`, whose Dispatch timer wakes the Dispatch manager thread to arm and to fire.
struct LoopAlarm {
    /// When the armed alarm goes off; nil when none is armed.
    private(set) var due: ContinuousClock.Instant?
    private var token: AlarmClock.Token?
    private let clock: AlarmClock

    init(clock: AlarmClock = .shared) { self.clock = clock }

    /// Calls `fire` (from the alarm clock's thread) at `instant`, unless an alarm at or before it is armed.
    mutating func arm(at instant: ContinuousClock.Instant, _ fire: @escaping @Sendable () -> Void) {
        if let due, due <= instant { return }
        if let token { clock.cancel(token) }
        due = instant
        token = clock.arm(at: instant, fire)
    }

    /// Forgets the alarm: it has gone off, or what it was for was done another way.
    mutating func cancel() {
        if let token { clock.cancel(token) }
        token = nil
        due = nil
    }
}
