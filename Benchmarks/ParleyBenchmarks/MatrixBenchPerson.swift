import Foundation
import ParleyApp
import ParleyContracts
import ParleyCore
import ParleyViews
import Synchronization

/// One person's Parley in the benchmark process, against the homeserver: a whole app instance on a data
/// directory of its own, typed into as a person types and drawing every frame as the terminal would. It
/// notes when each message whose text starts with `watching` was first drawn in the room on screen.
final class MatrixBenchPerson: Sendable {
    let name: String
    private let app: AppInstance
    private let root: URL
    private let removesData: Bool
    private let frames: DrawnFrames
    private let running = Mutex<Task<Void, Never>?>(nil)

    private init(name: String, app: AppInstance, root: URL, removesData: Bool, frames: DrawnFrames) {
        self.name = name
        self.app = app
        self.root = root
        self.removesData = removesData
        self.frames = frames
    }

    /// Starts the app on `server` and signs up a fresh user named from `prefix`.
    static func register(_ prefix: String, server: String, watching: String = "") async throws -> MatrixBenchPerson {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("parley-bench-\(UUID().uuidString)")
        let person = try await launch(
            MatrixBench.uniqueName(prefix), root: root, removesData: true, server: server, watching: watching)
        try await person.signIn("/register \(person.name) \(MatrixBench.password)")
        return person
    }

    /// Starts the app on `server` with its data in `root/data` (kept when it closes) and signs in as `name`.
    static func login(_ name: String, root: URL, server: String) async throws -> MatrixBenchPerson {
        let person = try await launch(name, root: root, removesData: false, server: server, watching: "")
        try await person.signIn("/login \(name) \(MatrixBench.password)")
        return person
    }

    private static func launch(
        _ name: String, root: URL, removesData: Bool, server: String, watching: String
    ) async throws -> MatrixBenchPerson {
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        let settings = try MatrixBench.settingsFile(in: root)
        let environment = try AppEnvironment.resolve(
            dataPath: root.appendingPathComponent("data").path, configPath: settings.path, serverURL: server)
        let frames = DrawnFrames(watching: watching)
        let app = await AppInstance.start(environment, width: 120, height: 40) { frames.draw($0) }
        let person = MatrixBenchPerson(name: name, app: app, root: root, removesData: removesData, frames: frames)
        person.running.withLock { $0 = Task { await app.loop.run() } }
        return person
    }

    private func signIn(_ command: String) async throws {
        type(command)
        pressEnter()
        try await waitForFrame("\(name) was never signed in") { $0.chat.session != nil }
    }

    /// Types `text` and waits until the app has handled every key.
    func type(_ text: String) {
        for character in text { app.loop.send(.input(.key(.character(character)))) }
    }

    func pressEnter() { app.loop.send(.input(.key(.enter))) }

    /// Waits until the loop has handled everything queued so far.
    func settle() async throws {
        let mark = app.loop.queuedCount
        let loop = app.loop
        try await waitUntil(seconds: 60, "\(name)'s app never caught up with its keys") { loop.hasHandled(mark) }
    }

    /// Joins `room` (made by the first who joins) and waits until it is the room on screen.
    func join(_ room: String) async throws {
        type("/join \(room)")
        pressEnter()
        try await waitForFrame("\(name) never got into \(room)") { $0.chat.currentRoomSummary?.name == room }
    }

    /// When a frame first showed a message with this text, if one has.
    func firstDrawn(_ text: String) -> ContinuousClock.Instant? { frames.firstDrawn(text) }

    /// Waits until the drawn state satisfies `condition`, at most `seconds`.
    func waitForFrame(
        _ failure: String, seconds: Double = 120, _ condition: @escaping @Sendable (AppState) -> Bool
    ) async throws {
        do {
            try await waitUntil(seconds: seconds, failure) { frames.latest.map(condition) ?? false }
        } catch {
            throw MatrixBenchFailure(description: "\(failure) (last notice: \(frames.latest?.notice ?? "none"))")
        }
    }

    /// Quits the app, and removes its data unless it was given.
    func close() async {
        app.loop.send(.input(.hangup))
        await running.withLock { $0 }?.value
        await app.close()
        if removesData { try? FileManager.default.removeItem(at: root) }
    }
}

/// What the app drew, written from its loop and read by the benchmark.
private final class DrawnFrames: Sendable {
    let watching: String
    private let state = Mutex<(latest: AppState?, seen: [String: ContinuousClock.Instant])>((nil, [:]))

    init(watching: String) { self.watching = watching }

    var latest: AppState? { state.withLock { $0.latest } }

    func firstDrawn(_ text: String) -> ContinuousClock.Instant? { state.withLock { $0.seen[text] } }

    /// Draws the screen as the terminal does, then notes the watched messages the frame shows.
    func draw(_ appState: AppState) {
        _ = ChatScreenView(state: appState).render()
        let now = ContinuousClock.now
        let timeline = appState.chat.currentRoom.flatMap { appState.chat.timelines[$0] } ?? []
        state.withLock { state in
            state.latest = appState
            guard !watching.isEmpty else { return }
            // New messages arrive at the end: the last few are enough, and keep a long timeline cheap.
            for message in timeline.suffix(8) where message.text.hasPrefix(watching) {
                if state.seen[message.text] == nil { state.seen[message.text] = now }
            }
        }
    }
}
