import ParleyContracts
import ParleyStorage
import ServiceRuntime

/// Turns the change log into live events: whenever the database may have changed (written by this process
/// or another), it reads the changes after the last one it has seen and publishes those that concern the
/// audience.
struct ChangeFeed: Sendable {
    let store: MessageStore
    let audience: Audience
    /// Changes read per query; a long backlog is read in several.
    static let batchSize = 500
    /// How long the feed waits after reading changes before it reads again: a frame's time (the app draws at
    /// most 60 a second), so a flood is read in a few dozen reads a second, each waking every thread on the
    /// way to the screen once, rather than one read per commit or two.
    static let burstPause: Duration = .milliseconds(16)

    /// Publishes events for every tick of `changes` until the stream ends or the task is cancelled.
    /// - Parameter start: the last change already accounted for; older ones are not replayed.
    func run(
        _ changes: AsyncStream<Void>, from start: Int64, publish: @Sendable (MessagingEvent) -> Void
    ) async {
        var seen = start
        for await _ in changes {
            // A failed read is tried again at the next tick (at the latest the watcher's safety tick): the
            // change log keeps everything, so nothing is lost by waiting.
            let before = seen
            seen = (try? catchUp(after: seen, publish: publish)) ?? seen
            // Something was written: while a writer keeps going, the commits after it are read together a
            // moment later rather than one read each, which is what a flood costs every process watching. The
            // first change of a burst is still read at once; the ticks meanwhile fold into one.
            // On the alarm clock: a Dispatch timer costs its manager thread a wake-up to arm and another to fire.
            if seen != before { await AlarmClock.shared.sleep(until: .now + Self.burstPause) }
        }
    }

    /// Publishes the events after `sequence`; returns the last change read.
    func catchUp(after sequence: Int64, publish: (MessagingEvent) -> Void) throws(MessagingError) -> Int64 {
        var seen = sequence
        while true {
            let (events, last) = try store.events(after: seen, for: audience.members, limit: Self.batchSize)
            for event in events { publish(event) }
            guard last != seen else { return seen }
            seen = last
        }
    }
}
