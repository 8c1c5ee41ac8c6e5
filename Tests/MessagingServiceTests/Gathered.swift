import ParleyContracts
import Synchronization

/// Events seen by a stream's predicate, kept for the test to look at afterwards.
final class Gathered: Sendable {
    private let seen = Mutex<[MessagingEvent]>([])

    func append(_ event: MessagingEvent) { seen.withLock { $0.append(event) } }

    var events: [MessagingEvent] { seen.withLock { $0 } }
}
