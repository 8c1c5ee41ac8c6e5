import Synchronization

/// Where every message for the app loop goes in, counted, so that whoever sent one can wait until the loop has
/// handled it: the scenario runner checks the screen only once the keys it pressed have been acted on.
final class AppInbox: Sendable {
    let messages: AsyncStream<AppMsg>
    private let continuation: AsyncStream<AppMsg>.Continuation
    private let accepted = Atomic<Int>(0)
    private let handled = Atomic<Int>(0)

    init() {
        (messages, continuation) = AsyncStream<AppMsg>.makeStream()
    }

    func yield(_ message: AppMsg) {
        // Counted under the stream's order: a count taken after this returns covers this message.
        accepted.add(1, ordering: .sequentiallyConsistent)
        continuation.yield(message)
    }

    func finish() { continuation.finish() }

    /// How many messages have gone in so far.
    var acceptedCount: Int { accepted.load(ordering: .sequentiallyConsistent) }

    /// Marks one more message handled (updated, rendered, its effects started).
    func markHandled() { handled.add(1, ordering: .sequentiallyConsistent) }

    /// Whether the first `count` messages that went in have been handled.
    func hasHandled(_ count: Int) -> Bool { handled.load(ordering: .sequentiallyConsistent) >= count }
}
