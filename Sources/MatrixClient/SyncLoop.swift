import Synchronization

/// What the sync loop is doing, for the caller's status line and debug panel.
public enum SyncLoopState: Sendable, Equatable {
    /// Not started, or stopped by cancellation.
    case stopped
    /// Asking for the first answer (from the given `since`, or an initial sync).
    case connecting
    /// Caught up and long-polling; `nextBatch` is the token the last stored answer ended at.
    case live(nextBatch: String)
    /// The last attempt failed; the next one starts after `retryIn`.
    case backingOff(error: MatrixError, retryIn: Duration)
}

/// Long-polls `/sync` until cancelled, handing each answer to the caller and going on from its `next_batch`.
///
/// Each answer goes to `deliver`, which returns once the caller has stored it (and its `nextBatch`, to
/// resume from after a restart); only then is the next one asked for, so nothing is skipped if the process
/// stops in between. Errors back off (doubling up to `maximumBackoff`) and are reported through the state;
/// an access token the server refuses ends the loop with `unknownToken`, since only signing in again helps.
/// A `MatrixError` from `deliver` (it may ask the server for more, e.g. to fill a limited timeline's gap)
/// backs off the same way and asks again from the same `since`, so the answer is stored whole or not at all.
public final class SyncLoop: Sendable {
    private struct Status {
        var state = SyncLoopState.stopped
        var lastSuccess: ContinuousClock.Instant?
    }

    let client: MatrixClient
    let filter: Filter
    let pollTimeout: Duration
    let firstBackoff: Duration
    let maximumBackoff: Duration
    private let onStateChange: @Sendable (SyncLoopState) -> Void
    private let status = Mutex(Status())

    public init(
        client: MatrixClient, filter: Filter = .standard(), pollTimeout: Duration = .seconds(30),
        firstBackoff: Duration = .milliseconds(250), maximumBackoff: Duration = .seconds(30),
        onStateChange: @escaping @Sendable (SyncLoopState) -> Void = { _ in }
    ) {
        self.client = client
        self.filter = filter
        self.pollTimeout = pollTimeout
        self.firstBackoff = firstBackoff
        self.maximumBackoff = maximumBackoff
        self.onStateChange = onStateChange
    }

    public var state: SyncLoopState { status.withLock { $0.state } }

    /// When the last answer was delivered, for the sync lag.
    public var lastSuccess: ContinuousClock.Instant? { status.withLock { $0.lastSuccess } }

    /// Time since the last answer was delivered (nil before the first).
    public var syncLag: Duration? { lastSuccess.map { ContinuousClock.now - $0 } }

    /// Runs until its task is cancelled (then returns), the token is refused (`MatrixError.unknownToken`),
    /// or `deliver` throws an error that is not a `MatrixError` (its error).
    public func run(since: String?, deliver: @Sendable (SyncResponse) async throws -> Void) async throws {
        var since = since
        var filterID: String?
        var failures = 0
        defer { update(.stopped) }
        update(.connecting)
        while !Task.isCancelled {
            let nextBatch: String
            do {
                if filterID == nil { filterID = try await client.uploadFilter(filter) }
                // The first answer comes at once, so a caller shows the catch-up without waiting a poll.
                let response = try await client.sync(
                    filter: filterID, since: since, timeout: since == nil ? .zero : pollTimeout)
                try await deliver(response)
                nextBatch = response.nextBatch
            } catch is CancellationError {
                return
            } catch let error as MatrixError {
                if case .unknownToken = error { throw error }
                if case .notSignedIn = error { throw error }
                failures += 1
                let wait = backoff(after: failures)
                update(.backingOff(error: error, retryIn: wait))
                do { try await Task.sleep(for: wait) } catch { return }
                continue
            }
            failures = 0
            since = nextBatch
            status.withLock { $0.lastSuccess = .now }
            update(.live(nextBatch: nextBatch))
        }
    }

    /// The wait before attempt `failures + 1`: doubling from `firstBackoff`, capped at `maximumBackoff`.
    func backoff(after failures: Int) -> Duration {
        let doublings = min(failures - 1, 20)
        return min(firstBackoff * (1 << doublings), maximumBackoff)
    }

    private func update(_ state: SyncLoopState) {
        let changed = status.withLock { status in
            defer { status.state = state }
            return status.state != state
        }
        if changed { onStateChange(state) }
    }
}
