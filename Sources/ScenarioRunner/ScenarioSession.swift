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
    private let running = Mutex<Task<Void, Never>?>(nil)

    private init(name: String, instance: AppInstance, frame: FrameStore) {
        self.name = name
        self.instance = instance
        self.frame = frame
    }

    /// Starts an app instance for `name` and runs its loop.
    static func start(name: String, environment: AppEnvironment, width: Int, height: Int) async -> ScenarioSession {
        let showTimestamps = environment.settings.interface.showTimestamps
        let frame = FrameStore()
        let instance = await AppInstance.start(environment, width: width, height: height) { state in
            frame.text.withLock { $0 = ChatScreenView(state: state, showTimestamps: showTimestamps).render().text }
        }
        let session = ScenarioSession(name: name, instance: instance, frame: frame)
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

    /// Messages sent but not yet confirmed stored by the messaging service.
    func undelivered() async -> Int { await instance.loop.current.chat.pending.count }

    /// Quits the app instance if it still runs, and waits until its services have stopped.
    func close() async {
        if !hasEnded { instance.loop.send(.input(.hangup)) }
        await running.withLock { $0 }?.value
    }
}

/// Where the app loop leaves each frame before the session that reads it exists.
private final class FrameStore: Sendable {
    let text = Mutex("")
}
