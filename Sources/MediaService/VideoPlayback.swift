import Foundation
import ParleyContracts
import Synchronization
import VideoFrames

/// One video playing: a thread of its own decodes frames, keeps them to the video's clock (at most
/// `maxFrameRate` drawn a second; a frame that is already late is decoded but not drawn), and publishes each
/// drawn in cells. Pausing holds the clock.
final class VideoPlayback: Sendable {
    let summary: VideoSummary
    private let stream: VideoStream
    private let box: (width: Int, height: Int)
    private let palette: Palette
    private let minimumInterval: Duration
    private let publish: @Sendable (MediaEvent) -> Void
    private let shared = Mutex(Shared())

    private struct Shared {
        var stopping = false
        var pausedAt: ContinuousClock.Instant?
        /// Time spent paused so far, which the video's clock leaves out.
        var pausedFor: Duration = .zero
        var ended = false
        var waiters: [CheckedContinuation<Void, Never>] = []
    }

    init(
        stream: VideoStream, summary: VideoSummary, box: (width: Int, height: Int), palette: Palette,
        maxFrameRate: Int, publish: @escaping @Sendable (MediaEvent) -> Void
    ) {
        self.stream = stream
        self.summary = summary
        self.box = box
        self.palette = palette
        self.minimumInterval = .seconds(1) / max(1, maxFrameRate)
        self.publish = publish
    }

    func start() {
        let thread = Thread { [self] in
            let failure = run()
            stream.close()
            let (stopped, waiters) = shared.withLock { shared in
                shared.ended = true
                defer { shared.waiters.removeAll() }
                return (shared.stopping, shared.waiters)
            }
            publish(.videoFinished(stopped: stopped, failure: stopped ? nil : failure))
            for waiter in waiters { waiter.resume() }
        }
        thread.name = "video playback"
        thread.start()
    }

    /// Pauses, or resumes; returns whether it is paused now.
    func togglePause() -> Bool {
        shared.withLock { shared in
            if let pausedAt = shared.pausedAt {
                shared.pausedFor += ContinuousClock.now - pausedAt
                shared.pausedAt = nil
                return false
            }
            shared.pausedAt = .now
            return true
        }
    }

    func stop() {
        shared.withLock { $0.stopping = true }
        stream.interrupt()
    }

    var isEnded: Bool { shared.withLock { $0.ended } }

    func close() async {
        stop()
        await waitUntilEnded()
    }

    func waitUntilEnded() async {
        await withCheckedContinuation { continuation in
            let ended = shared.withLock { shared in
                if !shared.ended { shared.waiters.append(continuation) }
                return shared.ended
            }
            if ended { continuation.resume() }
        }
    }

    // MARK: - The playback thread

    /// Plays to the end or until stopped; the reason it could not go on, if it failed.
    private func run() -> String? {
        let clock = ContinuousClock()
        let start = clock.now
        var lastDrawn: ContinuousClock.Instant?
        while true {
            do {
                guard try stream.next() else { return nil }
            } catch {
                return shared.withLock { $0.stopping } ? nil : error.description
            }
            let position = stream.frameTime
            // Wait for the frame's time on the video's clock, which stands still while paused.
            while true {
                let (stopping, pausedAt, pausedFor) = shared.withLock { ($0.stopping, $0.pausedAt, $0.pausedFor) }
                if stopping { return nil }
                let now = clock.now
                let due = start + position + pausedFor
                if pausedAt == nil, now >= due { break }
                let wait = pausedAt == nil ? min(.milliseconds(10), due - now) : .milliseconds(10)
                Thread.sleep(forTimeInterval: wait / .seconds(1))
            }
            let now = clock.now
            // Late by more than a frame, or sooner than the rate allows: decoded, not drawn. Though never none
            // for a quarter of a second, so that a machine too slow for every frame still shows the video move.
            if let lastDrawn {
                let late = now - (start + position + shared.withLock({ $0.pausedFor })) > minimumInterval * 2
                if late && now - lastDrawn < .milliseconds(250) { continue }
                if now - lastDrawn < minimumInterval * 0.9 { continue }
            }
            lastDrawn = now
            do {
                let rows = try stream.cells(box: box, palette: palette)
                publish(.videoFrame(VideoFrame(rows: rows, position: position, duration: summary.duration)))
            } catch {
                return error.description
            }
        }
    }
}
