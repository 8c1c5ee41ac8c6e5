import Synchronization

/// Tells the status publisher that something changed. Raising it while it is already raised, as every
/// request does while traffic flows, is one load of a word written only when the publisher lowers it.
final class StatusSignal: Sendable {
    private let dirty = Atomic<Bool>(true)
    private let waiter = Mutex<UnsafeContinuation<Void, Never>?>(nil)

    /// Marks the status changed and wakes the publisher if it waits.
    func raise() {
        guard !dirty.load(ordering: .relaxed) else { return }
        guard !dirty.exchange(true, ordering: .acquiringAndReleasing) else { return }
        waiter.withLock { $0.take() }?.resume()
    }

    /// Waits until the status has changed since the last wait, then lowers the signal.
    func wait() async {
        await withUnsafeContinuation { continuation in
            let changed = waiter.withLock { waiter in
                if dirty.exchange(false, ordering: .acquiringAndReleasing) { return true }
                waiter = continuation
                return false
            }
            if changed { continuation.resume() }
        }
    }

    /// Wakes a waiting publisher without a change, e.g. to let it see that it must end.
    func release() {
        waiter.withLock { $0.take() }?.resume()
    }
}
