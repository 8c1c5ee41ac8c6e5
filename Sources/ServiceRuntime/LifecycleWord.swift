import Synchronization

/// The lifecycle state as one atomic word, so that admitting a request needs no lock: the incarnation,
/// the state, and whether a crash or faults are pending for the consumer. It mirrors `HostCore`, which
/// writes it under its lock whenever one of those changes; everyone else only reads it.
///
/// It sits alone on its cache lines: it is read on every request by both cores and written only on a
/// lifecycle change, so it stays shared in both caches and costs no transfer while traffic flows. Beside
/// it, for the same reason, is the mailbox position before which callers have given up (timed out),
/// written only when the deadline sweeper fails some.
final class LifecycleWord: @unchecked Sendable {
    // `@unchecked Sendable` is safe: the words are only accessed through their atomic operations.
    private let word: UnsafeMutablePointer<Atomic<Int>>
    private let abandoned: UnsafeMutablePointer<Atomic<Int>>

    static let crashPending = 1 << 3
    static let faultsActive = 1 << 4
    private static let stateMask = (1 << 3) - 1
    private static let generationShift = 8

    init() {
        word = UnsafeMutableRawPointer.allocate(byteCount: 128, alignment: 128)
            .bindMemory(to: Atomic<Int>.self, capacity: 1)
        word.initialize(to: Atomic(Self.encode(generation: 0, state: .stopped)))
        abandoned = (UnsafeMutableRawPointer(word) + 64).bindMemory(to: Atomic<Int>.self, capacity: 1)
        abandoned.initialize(to: Atomic(0))
    }

    deinit { word.deallocate() }

    /// The word; sequentially consistent, so that a caller's look after putting its job is ordered after it.
    var current: Int { word.pointee.load(ordering: .sequentiallyConsistent) }

    /// Whether the job at mailbox `position` may belong to a caller that gave up: only jobs put in before
    /// the sweeper last failed callers can.
    func mayBeAbandoned(_ position: Int) -> Bool { position < abandoned.pointee.load(ordering: .relaxed) }

    /// Notes that callers of jobs put in before `position` may have given up. Called by the sweeper only.
    func markAbandoned(before position: Int) {
        if position > abandoned.pointee.load(ordering: .relaxed) {
            abandoned.pointee.store(position, ordering: .relaxed)
        }
    }

    func store(generation: Int, state: ServiceState, crashPending: Bool, faultsActive: Bool) {
        var value = Self.encode(generation: generation, state: state)
        if crashPending { value |= Self.crashPending }
        if faultsActive { value |= Self.faultsActive }
        word.pointee.store(value, ordering: .sequentiallyConsistent)
    }

    static func encode(generation: Int, state: ServiceState) -> Int {
        generation << generationShift | ServiceState.allCases.firstIndex(of: state)!
    }

    static func state(of word: Int) -> ServiceState { ServiceState.allCases[word & stateMask] }
    static func generation(of word: Int) -> Int { word >> generationShift }
    /// What a waiting caller watches: the incarnation and the state, not the pending crash or faults.
    static func admission(of word: Int) -> Int { word & ~(crashPending | faultsActive) }
    static func isRunning(_ word: Int) -> Bool { word & stateMask == runningIndex }
    private static let runningIndex = ServiceState.allCases.firstIndex(of: .running)!
}
