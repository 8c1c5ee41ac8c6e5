/// A caller that gave up spinning for its reply and parked, as the deadline sweeper and a stop see it.
/// Only parked callers are registered: a caller still spinning watches the lifecycle word itself, and its
/// spin is far shorter than any deadline the sweeper could enforce.
struct ParkedCall<Reply: Sendable, Failure: Error & Sendable> {
    let ticket: CallTicket<Reply, Failure>
    let deadline: ContinuousClock.Instant
    let timeout: Duration
    let kind: String
    let caller: String
    let admitted: ContinuousClock.Instant
}
