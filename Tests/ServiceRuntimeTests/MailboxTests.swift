import Foundation
import Synchronization
import Testing

@testable import ServiceRuntime

/// The lock-free mailbox's own promises, below the host: who may take from it, and what its figures say.
struct MailboxTests {
    @Test(arguments: [1, 32_767, 32_768, 65_536, 1 << 40])
    func theIncarnationThatOwnsTheMailboxTakesItsJobsAndNoOtherDoes(_ incarnation: Int) {
        let mailbox = Mailbox<Int>(capacity: 4)
        mailbox.hand(to: incarnation)
        #expect(mailbox.put(7))
        guard case .superseded = mailbox.take(for: incarnation - 1) else {
            Issue.record("the previous incarnation took a job")
            return
        }
        guard case .element(7, _) = mailbox.take(for: incarnation) else {
            Issue.record("incarnation \(incarnation) could not take its own job")
            return
        }
    }

    @Test func aHostStillServesAfterTensOfThousandsOfRestarts() async throws {
        let host = await makeHost(probe: Probe(), timeout: .seconds(2))
        await host.stop()
        host.core.withLock { $0.generation = 65_534 }  // as if started that many times
        for round in 0..<3 {
            await host.start()
            #expect(try await host.request(.echo(round)) == round)
            await host.stop()
        }
        await host.close()
    }

    @Test func theHighWaterNeverExceedsTheCapacity() {
        final class Flag: Sendable { let isSet = Atomic<Bool>(false) }
        let mailbox = Mailbox<Int>(capacity: 2)
        mailbox.hand(to: 1)
        let done = Flag()
        // A caller keeps the mailbox full while the consumer takes: a freed slot is refilled at once.
        let producer = Thread {
            while !done.isSet.load(ordering: .relaxed) { _ = mailbox.put(1) }
        }
        producer.start()
        for _ in 0..<200_000 where mailbox.highWater <= mailbox.capacity { _ = mailbox.take(for: 1) }
        done.isSet.store(true, ordering: .relaxed)
        #expect(mailbox.highWater <= mailbox.capacity)
    }
}
