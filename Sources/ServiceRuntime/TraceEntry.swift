/// One message that passed through a host, kept in a bounded trace for the debug panel.
public struct TraceEntry: Sendable, Equatable {
    public enum Outcome: String, Sendable, Equatable {
        case ok, error, timeout, rejected
    }

    public var time: ContinuousClock.Instant
    public var caller: String
    public var service: String
    public var kind: String
    public var outcome: Outcome
    public var latency: Duration
}

/// A fixed-size ring of the most recent entries; old ones are overwritten, nothing grows.
struct RingBuffer<Element> {
    private var storage: [Element] = []
    private var next = 0
    let capacity: Int

    init(capacity: Int) {
        self.capacity = capacity
        storage.reserveCapacity(capacity)
    }

    mutating func append(_ element: Element) {
        if storage.count < capacity {
            storage.append(element)
        } else {
            storage[next] = element
        }
        next = (next + 1) % capacity
    }

    /// Oldest first.
    var elements: [Element] {
        storage.count < capacity ? storage : Array(storage[next...] + storage[..<next])
    }

    var count: Int { storage.count }
}
