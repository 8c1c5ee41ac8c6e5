import Synchronization

/// The users this service instance serves: those who made a request with a valid token. Live events are
/// published only for their rooms, so a subscriber never sees rooms its users are not in.
///
/// Owned by the host's wiring rather than the handler, so that it survives a restart of the service.
final class Audience: Sendable {
    private let users = Mutex<Set<String>>([])

    func insert(_ user: String) {
        users.withLock { _ = $0.insert(user) }
    }

    var members: Set<String> { users.withLock { $0 } }
}
