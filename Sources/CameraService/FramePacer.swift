import Foundation

/// Decides which frames the viewfinder draws: at most `maxFrameRate` a second, and, for inputs that make frames
/// faster than real time (a lavfi graph), each at its own time rather than as fast as it can be read.
struct FramePacer {
    let minimumInterval: Duration
    let realTime: Bool
    private let clock = ContinuousClock()
    private let start: ContinuousClock.Instant
    private var lastDrawn: ContinuousClock.Instant?

    init(maxFrameRate: Int, realTime: Bool) {
        minimumInterval = .seconds(1) / max(1, maxFrameRate)
        self.realTime = realTime
        start = clock.now
    }

    /// Waits until a made-up frame is due, then says whether to draw it: false for a frame that comes sooner
    /// after the last drawn than the rate allows.
    mutating func admit(frameTime: Duration, stopping: () -> Bool) -> Bool {
        if realTime {
            let due = start + frameTime
            // In short steps, so a stop is never kept waiting for long.
            while clock.now < due, !stopping() {
                Thread.sleep(forTimeInterval: min(0.01, (due - clock.now) / .seconds(1)))
            }
        }
        let now = clock.now
        if let lastDrawn, now - lastDrawn < minimumInterval * 0.9 { return false }
        lastDrawn = now
        return true
    }
}

/// Counts frames captured, and says how many came in each second as each second ends.
struct CaptureMeter {
    private let clock = ContinuousClock()
    private var windowStart: ContinuousClock.Instant
    private var captured = 0

    init() { windowStart = clock.now }

    /// Counts one frame; returns the count of the second just ended, once a second.
    mutating func count() -> Int? {
        captured += 1
        let now = clock.now
        guard now - windowStart >= .seconds(1) else { return nil }
        defer {
            windowStart = now
            captured = 0
        }
        return captured
    }
}
