/// A one-shot wake-up for the app loop at a given instant: a sleeping task, armed only when something is due.
///
/// An idle app must not wake on a fixed period (each wake-up costs the machine, however little is done), so
/// the loop arms an alarm for the next thing due instead: the next heartbeat, a frame held back, the cached
/// view's next write. Asking again for a later instant keeps the earlier alarm, so a burst of messages that
/// each ask for the same deadline starts one task, not one per message.
struct LoopAlarm {
    /// When the armed alarm goes off; nil when none is armed.
    private(set) var due: ContinuousClock.Instant?
    private var task: Task<Void, Never>?

    /// Calls `fire` (from a task of its own) at `instant`, unless an alarm at or before it is already armed.
    mutating func arm(at instant: ContinuousClock.Instant, _ fire: @escaping @Sendable () -> Void) {
        if let due, due <= instant { return }
        task?.cancel()
        due = instant
        task = Task {
            try? await Task.sleep(until: instant, clock: .continuous)
            if !Task.isCancelled { fire() }
        }
    }

    /// Forgets the alarm: it has gone off, or what it was for was done another way.
    mutating func cancel() {
        task?.cancel()
        task = nil
        due = nil
    }
}
