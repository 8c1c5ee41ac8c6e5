/// The consumer's park and wake-up, a handshake on the parking word instead of a lock: the consumer says
/// it is about to park, looks once more for work, and parks; whoever brings work after the announcement
/// sees it and wakes the consumer. A caller pays one load of a line nobody writes while traffic flows.
extension Mailbox {
    private static var awake: Int { 0 }
    private static var announced: Int { 1 }
    private static var parked: Int { 2 }

    /// Parks the consumer until `wakeConsumer` is called, unless `hasWork` says there is work already.
    ///
    /// `hasWork` must read with sequentially consistent loads: with the announcement before it, and the
    /// producers' publishing store before their look at the parking word, one of the two sees the other.
    func park(unless hasWork: () -> Bool) async {
        parking.pointee.store(Self.announced, ordering: .sequentiallyConsistent)
        if hasWork() {
            parking.pointee.store(Self.awake, ordering: .relaxed)
            return
        }
        await withUnsafeContinuation { (continuation: UnsafeContinuation<Void, Never>) in
            parkedConsumer = continuation
            let (parked, _) = parking.pointee.compareExchange(
                expected: Self.announced, desired: Self.parked, ordering: .acquiringAndReleasing)
            guard !parked else { return }  // a waker came between the announcement and now
            parkedConsumer = nil
            continuation.resume()
        }
    }

    /// Wakes the consumer if it announced a park or parked; cheap when it did not.
    func wakeConsumer() {
        guard parking.pointee.load(ordering: .sequentiallyConsistent) != Self.awake else { return }
        guard parking.pointee.exchange(Self.awake, ordering: .acquiringAndReleasing) == Self.parked else { return }
        parkedConsumer.take()!.resume()
    }
}
