import MatrixClient
import ParleyStorage
import ServiceRuntime
import Synchronization

/// The wiring's entry point to the messaging service on a Matrix homeserver (`--server URL`).
public enum MatrixMessaging {
    /// Missed events fetched per room when a sync answer's timeline is limited: enough for a day away from a
    /// busy room; beyond it, the room's older history is paged back when scrolled to.
    public static let defaultCatchUpLimit = 1_000

    /// A stopped host whose handler speaks to `server` with a client of its own and runs the app instance's
    /// one sync loop. The client outlives restarts of the service; the caller shuts it down once the host has
    /// stopped for good. `syncLag` is the time since the last sync answer was stored (nil before the first).
    /// `catchUpLimit` bounds how many missed events of a room one sync answer fetches to fill its gap.
    public static func makeHost(
        server: Homeserver, dataDirectory: DataDirectory, configuration: ServiceConfiguration = .init(),
        catchUpLimit: Int = defaultCatchUpLimit
    ) -> (
        host: ServiceHost<MatrixMessagingHandler>, client: MatrixClient, syncLag: @Sendable () -> Duration?,
        isUnreachable: @Sendable () -> Bool
    ) {
        let client = MatrixClient(homeserver: server)
        let sync = SyncMonitor()
        let host = ServiceHost<MatrixMessagingHandler>(name: MessagingService.name, configuration: configuration) {
            context in
            var handler = MatrixMessagingHandler(
                client: client, cache: try MatrixCache(directory: dataDirectory), sync: sync,
                catchUpLimit: catchUpLimit)
            // A restart goes on syncing for whoever was signed in, from the stored `since`.
            handler.resumeSync(context: context)
            return handler
        }
        return (host, client, { sync.lag }, { sync.isUnreachable })
    }
}

/// The sync loop's state, shared by the incarnations of the service: the running loop (so a new account
/// replaces it) and when it last stored an answer.
final class SyncMonitor: Sendable {
    private struct State {
        var task: Task<Void, Never>?
        var account: String?
        var generation = 0
        var lastStored: ContinuousClock.Instant?
        var isUnreachable = false
    }

    private let state = Mutex(State())

    var lag: Duration? { state.withLock { $0.lastStored.map { ContinuousClock.now - $0 } } }

    func stored() { state.withLock { $0.lastStored = .now } }

    /// Whether the loop's last attempt found the server unreachable (it is backing off until it answers).
    var isUnreachable: Bool { state.withLock { $0.isUnreachable } }

    /// Follows the loop's state: unreachable while it backs off from an unreachable server.
    func loopChanged(to loopState: SyncLoopState) {
        let unreachable: Bool
        switch loopState {
        case let .backingOff(error, _):
            if case .unreachable = error { unreachable = true } else { unreachable = false }
        case .live: unreachable = false
        case .stopped, .connecting: return
        }
        state.withLock { $0.isUnreachable = unreachable }
    }

    /// Whether a loop runs for `account` (one cancelled by a stopping service no longer counts).
    func isRunning(for account: String) -> Bool {
        state.withLock { $0.account == account && $0.task.map { !$0.isCancelled } == true }
    }

    /// The number the next loop will have, so that it can say when it ends.
    func nextGeneration() -> Int { state.withLock { $0.generation + 1 } }

    /// Makes `task` the one loop, cancelling the one before.
    func replace(with task: Task<Void, Never>, account: String) {
        let previous = state.withLock { state in
            defer {
                state.task = task
                state.account = account
                state.generation += 1
            }
            return state.task
        }
        previous?.cancel()
    }

    /// Forgets loop `generation` once it ended, unless another has replaced it.
    func ended(_ generation: Int) {
        state.withLock { state in
            if state.generation == generation {
                state.task = nil
                state.account = nil
            }
        }
    }
}
