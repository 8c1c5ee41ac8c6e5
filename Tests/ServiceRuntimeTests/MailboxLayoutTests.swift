import Testing

@testable import ServiceRuntime

/// The mailbox's hot path depends on a job with a word-sized request fitting one cache line with its slot's
/// sequence number: a bigger job moves two lines between the cores on every request.
struct MailboxLayoutTests {
    struct WordRequest: ServiceRequest {
        let value: Int
        var kind: String { "word" }
    }
    struct Refusal: Error {}

    typealias Job = HostCore<WordRequest, Int, Refusal>.Job

    @Test func aJobWithAWordSizedRequestFitsOneCacheLineWithItsSequenceNumber() {
        #expect(MemoryLayout<Int>.size + MemoryLayout<Job>.size <= 64)
    }

    @Test func aJobKeepsWhenItWasAdmittedToTheNanosecond() {
        let now = ContinuousClock.now
        let pending = PendingCall<Int, Refusal>()
        let call = CallTicket(call: pending, generation: 0)
        let job = Job(request: WordRequest(value: 1), call: call, caller: "test", admitted: now, incarnation: 3)
        #expect(job.admitted - now < .nanoseconds(1) && now - job.admitted < .nanoseconds(1))
        #expect(job.isAdmitted(by: 3))
        #expect(!job.isAdmitted(by: 4))
    }
}
