import Foundation
import ParleyApp
import ParleyContracts
import ParleyCore
import ParleyViews
import ServiceRuntime
import Synchronization

/// One person at a virtual keyboard: an app instance with services of its own on the shared data directory,
/// run exactly as the terminal runs it, except that each frame is kept as text for the runner to read.
final class ScenarioSession: Sendable {
    let name: String
    private let instance: AppInstance
    /// The last frame drawn, as text; written from the app loop, read by the runner.
    private let frame: FrameStore
    private let ended = Atomic<Bool>(false)
    /// How often the app rang this session's (virtual) terminal bell.
    private let bells: BellCounter
    private let running = Mutex<Task<Void, Never>?>(nil)

    private init(name: String, instance: AppInstance, frame: FrameStore, bells: BellCounter) {
        self.name = name
        self.instance = instance
        self.frame = frame
        self.bells = bells
    }

    /// Starts an app instance for `name` and runs its loop.
    static func start(name: String, environment: AppEnvironment, width: Int, height: Int) async -> ScenarioSession {
        let showTimestamps = environment.settings.interface.showTimestamps
        let frame = FrameStore()
        let bells = BellCounter()
        let instance = await AppInstance.start(
            environment, width: width, height: height, ringBell: { bells.rung.add(1, ordering: .relaxed) },
            desktopNotifications: false
        ) { state in
            let view = ChatScreenView(state: state, showTimestamps: showTimestamps, now: Date())
            frame.text.withLock { $0 = view.render().text }
        }
        let session = ScenarioSession(name: name, instance: instance, frame: frame, bells: bells)
        session.running.withLock { running in
            running = Task {
                await instance.loop.run()
                session.ended.store(true, ordering: .releasing)
                await instance.close()
            }
        }
        // The first frame is drawn by the loop's task: wait for it, so the first expectation sees a screen.
        _ = await poll(for: .seconds(10)) { !frame.text.withLock { $0.isEmpty } }
        return session
    }

    /// Waits until the app has acted on everything queued for it so far (the keys pressed among them), so
    /// that what an expectation reads is not a frame from before them. Bounded by `limit`.
    func settle(within limit: Duration = .seconds(10)) async {
        let mark = instance.loop.queuedCount
        _ = await poll(for: limit) { hasEnded || instance.loop.hasHandled(mark) }
    }

    /// How many messages have gone into the app's loop so far: the next key pressed is number `queuedCount + 1`.
    var queuedCount: Int { instance.loop.queuedCount }

    /// Waits until the app has acted on everything queued so far and every service request that the inputs
    /// numbered `inputs` set off has been answered, has failed, or waits in the outbox. Returns the requests
    /// still unanswered when `limit` passed (empty when everything settled).
    func settle(answering inputs: ClosedRange<Int>, within limit: Duration) async -> [String] {
        let mark = instance.loop.queuedCount
        var outstanding: [String] = []
        let settled = await poll(for: limit) {
            guard !hasEnded else { return true }
            guard instance.loop.hasHandled(mark) else { return false }
            outstanding = instance.loop.outstanding(causedBy: inputs)
            return outstanding.isEmpty
        }
        return settled
            ? [] : (outstanding.isEmpty ? ["the keys themselves (the app did not handle them)"] : outstanding)
    }

    /// Whether the app is quitting or has quit; asked once it has settled.
    func isQuitting() async -> Bool {
        hasEnded ? true : await instance.loop.current.isQuitting
    }

    /// The screen as last drawn, one line per row, without trailing spaces.
    var screen: String {
        frame.text.withLock { $0 }.split(separator: "\n", omittingEmptySubsequences: false)
            .map { line in String(line.reversed().drop { $0 == " " }.reversed()) }
            .joined(separator: "\n")
    }

    /// Whether the app instance has quit (`/quit`, Ctrl-Q); `close()` waits for its services to stop.
    var hasEnded: Bool { ended.load(ordering: .acquiring) }

    func press(_ key: Key) { instance.loop.send(.input(.key(key))) }

    func state(of service: ServiceName) -> ServiceState? {
        instance.services.first { $0.service == service }?.status.state
    }

    /// How often the bell has rung so far.
    var bellsRung: Int { bells.rung.load(ordering: .relaxed) }

    /// Messages sent but not yet confirmed stored by the messaging service.
    func undelivered() async -> Int { await instance.loop.current.chat.pending.count }

    /// Quits the app instance if it still runs, and waits until its services have stopped.
    func close() async {
        if !hasEnded { instance.loop.send(.input(.hangup)) }
        await running.withLock { $0 }?.value
    }
}

/// The bells the app rang, counted from the app loop before the session that reads them exists.
private final class BellCounter: Sendable {
    let rung = Atomic<Int>(0)
}

/// Where the app loop leaves each frame before the session that reads it exists.
private final class FrameStore: Sendable {
    let text = Mutex("")
}
