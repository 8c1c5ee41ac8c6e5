/// A fixed instant from which times are kept as 64-bit nanosecond counts where space matters (a job in the
/// mailbox): a `ContinuousClock.Instant` takes 16 bytes. 2^63 ns is about 292 years.
enum RuntimeEpoch {
    static let start = ContinuousClock.now

    static func nanoseconds(at instant: ContinuousClock.Instant) -> Int64 {
        (instant - start).nanoseconds
    }

    static func instant(atNanoseconds nanoseconds: Int64) -> ContinuousClock.Instant {
        start + .nanoseconds(nanoseconds)
    }
}
