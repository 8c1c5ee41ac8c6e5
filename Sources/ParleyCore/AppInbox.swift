import Synchronization

/// Where every message for the app loop goes in, counted, so that whoever sent one can wait until the loop has
/// handled it: the scenario runner checks the screen only once the keys it pressed have been acted on.
///
/// The loop takes everything waiting at once, not one message at a time: a flood of events into the watched
/// room is then updated message by message but drawn once, instead of once per message.
final class AppInbox: Sendable {
    private struct Queue {
        var messages: [AppMsg] = []
        var waiter: CheckedContinuation<Void, Never>?
        /// A wake-up without a message: a frame held back to keep the frame rate is due.
        var isWoken = false
        var isFinished = false
    }

    private let queue = Mutex(Queue())
    private let accepted = Atomic<Int>(0)
    private let handled = Atomic<Int>(0)

    func yield(_ message: AppMsg) {
        let waiter: CheckedContinuation<Void, Never>? = queue.withLock { queue in
            guard !queue.isFinished else { return nil }
            // Counted under the queue's lock: a count taken after this returns covers this message, in order.
            accepted.add(1, ordering: .sequentiallyConsistent)
            queue.messages.append(message)
            return queue.waiter.take()
        }
        waiter?.resume()
    }

    /// Wakes the loop with no message, so that it draws a frame it held back.
    func wake() {
        let waiter: CheckedContinuation<Void, Never>? = queue.withLock { queue in
            queue.isWoken = true
            return queue.waiter.take()
        }
        waiter?.resume()
    }

    func finish() {
        let waiter: CheckedContinuation<Void, Never>? = queue.withLock { queue in
            queue.isFinished = true
            return queue.waiter.take()
        }
        waiter?.resume()
    }

    /// Everything queued so far, oldest first, waiting until there is something; empty after a `wake()`; nil
    /// once finished. One task takes at a time (the loop's).
    func take() async -> [AppMsg]? {
        while true {
            let taken: [AppMsg]?? = queue.withLock { queue in
                if !queue.messages.isEmpty {
                    queue.isWoken = false
                    defer { queue.messages = [] }
                    return .some(queue.messages)
                }
                if queue.isFinished { return .some(nil) }
                if queue.isWoken {
                    queue.isWoken = false
                    return .some([])
                }
                return .none
            }
            if let taken { return taken }
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                let ready = queue.withLock { queue in
                    guard queue.messages.isEmpty, !queue.isFinished, !queue.isWoken else { return true }
                    queue.waiter = continuation
                    return false
                }
                if ready { continuation.resume() }
            }
        }
    }

    /// How many messages have gone in so far.
    var acceptedCount: Int { accepted.load(ordering: .sequentiallyConsistent) }

    /// Marks `count` more messages handled (updated, drawn, their effects started).
    func markHandled(_ count: Int = 1) { handled.add(count, ordering: .sequentiallyConsistent) }

    /// How many messages have been handled so far; the first `handledCount` that went in are done.
    var handledCount: Int { handled.load(ordering: .sequentiallyConsistent) }

    /// Whether the first `count` messages that went in have been handled.
    func hasHandled(_ count: Int) -> Bool { handledCount >= count }
}
