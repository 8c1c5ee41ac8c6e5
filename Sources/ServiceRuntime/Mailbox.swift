import Synchronization

/// The host's mailbox: a bounded ring that many callers put jobs in and one consumer takes them out of,
/// without a lock (Dmitry Vyukov's bounded queue: each slot carries a sequence number saying whose turn it is).
///
/// Why no lock: a lock word, a deque slot and a wake-up flag each crossed between the two cores on every
/// request, at ~120 ns a cache line. Here a request moves its slot to the consumer and nothing else: callers
/// share only the tail, the consumer owns the cursor, and each sits on a cache line of its own.
///
/// The cursor also carries the incarnation allowed to take jobs, so that a consumer left behind by a stop
/// (its handler ignored cancellation) can never take a job from the incarnation that replaced it.
///
/// `@unchecked Sendable` is safe because a slot's element is only touched by the party its sequence number
/// hands it to: the caller that claimed the slot through the tail writes it and publishes it with a release
/// store; the consumer that claimed it through the cursor moves it out and hands the slot back the same way.
final class Mailbox<Element>: @unchecked Sendable {
    let capacity: Int
    /// Cache lines: 0 the callers' tail, 1 the consumer's cursor and high water, 2 the parking word.
    private let lines: UnsafeMutableRawPointer
    private let slots: UnsafeMutableRawPointer
    private let slotStride: Int
    private let elementOffset: Int
    /// The parked consumer, handed over through the parking word (see `Mailbox+Parking`).
    var parkedConsumer: UnsafeContinuation<Void, Never>?

    static var lineSize: Int { 128 }  // two lines: the adjacent-line prefetcher pulls pairs in
    static var positionBits: Int { 48 }
    static var positionMask: Int { 1 << positionBits - 1 }
    /// The cursor keeps the low 16 bits of the incarnation: two incarnations 65,536 starts apart are never
    /// both alive, and the comparison must survive any number of restarts.
    static var incarnationMask: Int { 1 << (Int.bitWidth - positionBits) - 1 }

    init(capacity: Int) {
        precondition(capacity > 0, "a mailbox holds at least one job")
        self.capacity = capacity
        lines = .allocate(byteCount: 3 * Self.lineSize, alignment: Self.lineSize)
        for line in 0..<3 {
            (lines + line * Self.lineSize).bindMemory(to: Atomic<Int>.self, capacity: 2).initialize(to: Atomic(0))
            (lines + line * Self.lineSize + 8).bindMemory(to: Atomic<Int>.self, capacity: 1).initialize(to: Atomic(0))
        }
        elementOffset = max(MemoryLayout<Int>.size, MemoryLayout<Element>.alignment)
        slotStride = (elementOffset + MemoryLayout<Element>.size + 63) / 64 * 64
        slots = .allocate(byteCount: capacity * slotStride, alignment: 64)
        for index in 0..<capacity {
            (slots + index * slotStride).bindMemory(to: Atomic<Int>.self, capacity: 1).initialize(to: Atomic(index))
            _ = (slots + index * slotStride + elementOffset).bindMemory(to: Element.self, capacity: 1)
        }
    }

    deinit {
        while case .element = take(for: incarnation(of: cursor.pointee.load(ordering: .relaxed))) {}
        lines.deallocate()
        slots.deallocate()
    }

    // MARK: - Words

    private var tail: UnsafeMutablePointer<Atomic<Int>> { lines.assumingMemoryBound(to: Atomic<Int>.self) }
    /// The incarnation allowed to take (high bits) and the position of the next job to take (low bits).
    var cursor: UnsafeMutablePointer<Atomic<Int>> {
        (lines + Self.lineSize).assumingMemoryBound(to: Atomic<Int>.self)
    }
    private var highWaterWord: UnsafeMutablePointer<Atomic<Int>> {
        (lines + Self.lineSize + 8).assumingMemoryBound(to: Atomic<Int>.self)
    }
    /// 0 while the consumer is awake, 1 while it is about to park, 2 once it has parked.
    var parking: UnsafeMutablePointer<Atomic<Int>> {
        (lines + 2 * Self.lineSize).assumingMemoryBound(to: Atomic<Int>.self)
    }

    private func sequence(at position: Int) -> UnsafeMutablePointer<Atomic<Int>> {
        (slots + position % capacity * slotStride).assumingMemoryBound(to: Atomic<Int>.self)
    }

    private func element(at position: Int) -> UnsafeMutablePointer<Element> {
        (slots + position % capacity * slotStride + elementOffset).assumingMemoryBound(to: Element.self)
    }

    /// The incarnation that owns the mailbox, as its low 16 bits (see `incarnationMask`).
    func incarnation(of cursor: Int) -> Int { Int(UInt(bitPattern: cursor) >> UInt(Self.positionBits)) }

    private func truncated(_ generation: Int) -> Int { generation & Self.incarnationMask }

    // MARK: - Callers

    /// Puts `element` in the mailbox and wakes the consumer if it parked; false when the mailbox is full.
    func put(_ element: consuming Element) -> Bool {
        var position = tail.pointee.load(ordering: .relaxed)
        while true {
            let turn = sequence(at: position).pointee.load(ordering: .acquiring) - position
            if turn == 0 {
                let (claimed, found) = tail.pointee.compareExchange(
                    expected: position, desired: position + 1, ordering: .relaxed)
                if claimed { break }
                position = found
            } else if turn < 0 {
                return false  // the slot still holds the job from one lap ago: full
            } else {
                position = tail.pointee.load(ordering: .relaxed)
            }
        }
        self.element(at: position).initialize(to: element)
        // Sequentially consistent: it must not pass the load of the parking word below (see `wakeConsumer`).
        sequence(at: position).pointee.store(position + 1, ordering: .sequentiallyConsistent)
        wakeConsumer()
        return true
    }

    /// How many jobs were ever put in: the position the next one will take.
    var putCount: Int { tail.pointee.load(ordering: .relaxed) }

    /// Jobs waiting to be taken (those being put right now included).
    var depth: Int {
        max(0, tail.pointee.load(ordering: .relaxed) - position(of: cursor.pointee.load(ordering: .relaxed)))
    }

    /// The most jobs ever waiting at once.
    var highWater: Int { max(highWaterWord.pointee.load(ordering: .relaxed), depth) }

    private func position(of cursor: Int) -> Int { cursor & Self.positionMask }

    // MARK: - Consumer

    enum Taken {
        /// The job, and its position in the order of admission.
        case element(Element, position: Int)
        case empty
        /// Another incarnation owns the mailbox now: the asking consumer must end.
        case superseded
    }

    /// Hands the mailbox to incarnation `generation`; from then on only it can take jobs.
    func hand(to generation: Int) {
        var current = cursor.pointee.load(ordering: .relaxed)
        while true {
            let desired = truncated(generation) << Self.positionBits | position(of: current)
            let (exchanged, found) = cursor.pointee.compareExchange(
                expected: current, desired: desired, ordering: .sequentiallyConsistent)
            if exchanged { return }
            current = found
        }
    }

    /// Takes the next job, if incarnation `generation` still owns the mailbox.
    func take(for generation: Int) -> Taken {
        var current = cursor.pointee.load(ordering: .relaxed)
        while true {
            guard incarnation(of: current) == truncated(generation) else { return .superseded }
            let position = position(of: current)
            guard sequence(at: position).pointee.load(ordering: .acquiring) == position + 1 else { return .empty }
            let (claimed, found) = cursor.pointee.compareExchange(
                expected: current, desired: current + 1, ordering: .relaxed)
            guard claimed else {
                current = found
                continue
            }
            let taken = element(at: position).move()
            // Before the slot goes back: a caller could fill it at once and the depth would read one too many.
            noteDepth(from: position)
            sequence(at: position).pointee.store(position + capacity, ordering: .releasing)
            return .element(taken, position: position)
        }
    }

    /// Raises the high water to the depth there was before taking the job at `position`. The depth only
    /// shrinks when a job is taken, so its peaks are all seen here. The callers' tail is only read when
    /// the next job is already in: in the usual one-at-a-time traffic, reading it would move its line.
    private func noteDepth(from position: Int) {
        let backlog = sequence(at: position + 1).pointee.load(ordering: .relaxed) == position + 2
        let depth = backlog ? min(capacity, tail.pointee.load(ordering: .relaxed) - position) : 1
        if depth > highWaterWord.pointee.load(ordering: .relaxed) {
            highWaterWord.pointee.store(depth, ordering: .relaxed)
        }
    }

    /// Whether a job is waiting to be taken.
    var hasElement: Bool {
        let position = position(of: cursor.pointee.load(ordering: .relaxed))
        return sequence(at: position).pointee.load(ordering: .sequentiallyConsistent) == position + 1
    }
}
