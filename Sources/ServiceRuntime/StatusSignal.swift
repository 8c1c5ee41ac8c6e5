import Synchronization

/// Tells the status publisher that something changed. Raising it while it is already raised, as every
/// request does while traffic flows, is one load of a word written only when the publisher lowers it.
final class StatusSignal: Sendable {
    private let dirty = Atomic<Bool>(true)
    private let waiter = Mutex<UnsafeContinuation<Void, Never>?>(nil)

    /// Marks the status changed and wakes the publisher if it waits.
    func raise() {
        // Sequentially consistent (a plain load on x86): it must not be ordered before the change it
        // reports, or a publisher lowering the signal at that moment could miss the change.
        guard !dirty.load(ordering: .sequentiallyConsistent) else { return }
        guard !dirty.exchange(true, ordering: .sequentiallyConsistent) else { return }
        waiter.withLock { $0.take() }?.resume()
    }

    /// Waits until the status has changed since the last wait, then lowers the signal.
    func wait() async {
        await withUnsafeContinuation { continuation in
            let changed = waiter.withLock { waiter in
                if dirty.exchange(false, ordering: .sequentiallyConsistent) { return true }
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
