import Foundation
import ParleyApp
import ParleyContracts
import ParleyCore
import ParleyTestKit
import Synchronization

/// One person at Parley's keyboard against a homeserver: a whole app instance (services, outbox, loop) on a
/// data directory of its own, typed into as a person types. Tests read the state it last drew.
final class MatrixAppUser: Sendable {
    /// The Matrix user name, unique to the test.
    let name: String
    let directory: TemporaryDirectory
    private let app: AppInstance
    private let drawn: LastFrame
    private let running = Mutex<Task<Void, Never>?>(nil)

    private init(name: String, directory: TemporaryDirectory, app: AppInstance, drawn: LastFrame) {
        self.name = name
        self.directory = directory
        self.app = app
        self.drawn = drawn
    }

    /// Starts the app on `server` and signs up a fresh user named from `prefix`.
    static func register(_ prefix: String, server: String) async throws -> MatrixAppUser {
        let user = try await start(
            name: TestHomeserver.uniqueUserName(prefix), directory: TemporaryDirectory(prefix), server: server)
        try await user.send("/register \(user.name) correct-horse")
        try await user.waitUntil("\(user.name) never got signed in") { $0.chat.session != nil }
        return user
    }

    /// Starts the app on `server` and `directory` as the person `name` (whatever it kept there, it resumes).
    static func start(name: String, directory: TemporaryDirectory, server: String) async throws -> MatrixAppUser {
        // A busy machine may take seconds over a homeserver call: the requests' deadline is generous.
        let settings = directory.file("config.toml")
        try Data("[services]\nrequest_timeout_ms = 60000\n".utf8).write(to: settings)
        let environment = try AppEnvironment.resolve(
            dataPath: directory.dataDirectory.path, configPath: settings.path, serverURL: server)
        let drawn = LastFrame()
        // As the terminal does: the kept user's last screen, if any, is shown until the services answer.
        let app = await AppInstance.start(
            environment, width: 120, height: 40, opening: AppInstance.openingScreen(environment)
        ) { drawn.draw($0) }
        let user = MatrixAppUser(name: name, directory: directory, app: app, drawn: drawn)
        user.running.withLock { $0 = Task { await app.loop.run() } }
        return user
    }

    /// The state of the last frame.
    var state: AppState? { drawn.state.withLock { $0 } }

    /// The texts of the room on screen, oldest first.
    var timeline: [String] {
        guard let state, let room = state.chat.currentRoom else { return [] }
        return state.chat.timelines[room]?.map(\.text) ?? []
    }

    /// How many messages wait in the outbox.
    var outboxCount: Int { state?.chat.pending.count ?? 0 }

    /// Types `line` and Enter, then waits until the app has handled the keys and every service request they
    /// caused has been answered, has failed or waits in the outbox.
    func send(_ line: String) async throws {
        let first = app.loop.queuedCount + 1
        for character in line { app.loop.send(.input(.key(.character(character)))) }
        app.loop.send(.input(.key(.enter)))
        let last = app.loop.queuedCount
        let loop = app.loop
        let settled = await eventually(timeout: .seconds(60)) {
            loop.hasHandled(last) && loop.outstanding(causedBy: first...last).isEmpty
        }
        guard settled else { throw AppUserFailure(description: "\(name): `\(line)` never settled") }
    }

    /// Joins `room` (made by the first who joins) and waits until it is the room on screen.
    func join(_ room: String) async throws {
        try await send("/join \(room)")
        try await waitUntil("\(name) never got into \(room)") { $0.chat.currentRoomSummary?.name == room }
    }

    /// Waits (generously) until the drawn state satisfies `condition`; fails with `failure` and the notice.
    func waitUntil(
        _ failure: String, timeout: Duration = .seconds(90), _ condition: @escaping @Sendable (AppState) -> Bool
    ) async throws {
        let held = await eventually(timeout: timeout) { [drawn] in
            drawn.state.withLock { $0.map(condition) ?? false }
        }
        guard held else {
            let notices = drawn.notices.withLock { $0 }
            let pending = state?.chat.pending.map(\.text) ?? []
            throw AppUserFailure(
                description: "\(failure) (notices: \(notices); outbox: \(pending); room: \(timeline.suffix(8)))")
        }
    }

    /// Quits the app (as `/quit` does) and removes its data, unless it is kept for another start.
    func close(removing: Bool = true) async {
        app.loop.send(.input(.hangup))
        await running.withLock { $0 }?.value
        await app.close()
        if removing { directory.remove() }
    }
}

/// The state of the last frame and the last notices shown, written from the app's loop and read by the test.
private final class LastFrame: Sendable {
    let state = Mutex<AppState?>(nil)
    let notices = Mutex<[String]>([])

    func draw(_ drawn: AppState) {
        state.withLock { $0 = drawn }
        guard let notice = drawn.notice else { return }
        notices.withLock { notices in
            if notices.last != notice { notices = Array((notices + [notice]).suffix(8)) }
        }
    }
}

struct AppUserFailure: Error, CustomStringConvertible {
    let description: String
}
