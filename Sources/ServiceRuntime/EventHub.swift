import Synchronization

/// Fans events out to any number of subscribers without ever waiting for one.
///
/// Each subscriber has a bounded buffer; when a slow subscriber's buffer is full its oldest events are
/// dropped and counted, so the publisher (a service) is never blocked by a reader (a view).
public final class EventHub<Event: Sendable>: Sendable {
    private struct Subscriber {
        let continuation: AsyncStream<Event>.Continuation
    }

    private struct State {
        var subscribers: [Int: Subscriber] = [:]
        var nextID = 0
        var dropped = 0
    }

    private let state = Mutex(State())

    public init() {}

    /// Events published from now on; the stream ends when the subscriber stops iterating it.
    /// - Parameter bufferSize: how many unread events to hold before dropping the oldest.
    public func subscribe(bufferSize: Int = 256) -> AsyncStream<Event> {
        let (stream, continuation) = AsyncStream<Event>.makeStream(bufferingPolicy: .bufferingNewest(bufferSize))
        let id = state.withLock { state in
            defer { state.nextID += 1 }
            state.subscribers[state.nextID] = Subscriber(continuation: continuation)
            return state.nextID
        }
        continuation.onTermination = { [weak self] _ in
            self?.state.withLock { _ = $0.subscribers.removeValue(forKey: id) }
        }
        return stream
    }

    /// Delivers `event` to every subscriber; never suspends.
    public func publish(_ event: Event) {
        let subscribers = state.withLock { Array($0.subscribers.values) }
        var dropped = 0
        for subscriber in subscribers {
            if case .dropped = subscriber.continuation.yield(event) { dropped += 1 }
        }
        if dropped > 0 { state.withLock { $0.dropped += dropped } }
    }

    /// Events dropped so far because a subscriber fell behind.
    public var droppedCount: Int { state.withLock { $0.dropped } }

    public var subscriberCount: Int { state.withLock { $0.subscribers.count } }

    /// Ends every subscription.
    public func finish() {
        let subscribers = state.withLock { state in
            defer { state.subscribers.removeAll() }
            return Array(state.subscribers.values)
        }
        for subscriber in subscribers { subscriber.continuation.finish() }
    }
}
