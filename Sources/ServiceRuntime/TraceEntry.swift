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

    public init(
        time: ContinuousClock.Instant, caller: String, service: String, kind: String, outcome: Outcome,
        latency: Duration
    ) {
        self.time = time
        self.caller = caller
        self.service = service
        self.kind = kind
        self.outcome = outcome
        self.latency = latency
    }
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

    /// Oldest first, in a fresh array: sharing `storage` would make the next append copy the whole ring.
    var elements: [Element] {
        var result: [Element] = []
        result.reserveCapacity(storage.count)
        // Until the ring is full, `next` is its end and the first slice is empty.
        result += storage[next...]
        result += storage[..<next]
        return result
    }

    var count: Int { storage.count }
}
