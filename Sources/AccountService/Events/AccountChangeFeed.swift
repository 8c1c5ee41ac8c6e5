import Foundation
import ParleyContracts
import Synchronization

/// Publishes presence and profile changes, whichever process sharing the data directory made them.
///
/// It remembers the last profile revision and the presence it last announced, and on each look publishes
/// only what differs. The handler looks right after its own writes, so local changes go out at once; the
/// store's change watcher has it look when another process writes, and `nextExpiry` says when a heartbeat
/// that stopped makes someone offline. Every path goes through the same lock, so nothing is announced twice.
final class AccountChangeFeed: Sendable {
    private struct Seen {
        var revision: Int
        var presence: [String: Presence]
        /// The earliest time a user shown online or away goes offline unless another heartbeat comes.
        var nextExpiry: Date?
    }

    private let store: AccountStore
    private let presenceTimeout: TimeInterval
    private let now: @Sendable () -> Date
    private let publish: @Sendable (AccountEvent) -> Void
    private let seen: Mutex<Seen>

    /// Starts from what the store holds now: events are for changes from here on.
    init(
        store: AccountStore, presenceTimeout: TimeInterval, now: @escaping @Sendable () -> Date,
        publish: @escaping @Sendable (AccountEvent) -> Void
    ) throws {
        self.store = store
        self.presenceTimeout = presenceTimeout
        self.now = now
        self.publish = publish
        let rows = try store.presenceRows()
        let at = now()
        seen = Mutex(
            Seen(
                revision: try store.latestRevision(),
                presence: Dictionary(
                    rows.map { ($0.name, $0.effective(at: at, timeout: presenceTimeout)) },
                    uniquingKeysWith: { first, _ in first }),
                nextExpiry: Self.nextExpiry(of: rows, at: at, timeout: presenceTimeout)))
    }

    /// When the next user shown present goes offline if no heartbeat comes first; nil if nobody is shown
    /// present (or the last look failed).
    var nextExpiry: Date? { seen.withLock { $0.nextExpiry } }

    /// Publishes what changed since the last look. A failed look (say, the database busy for longer than
    /// the busy timeout) publishes nothing and is retried at the next one.
    func refresh() {
        seen.withLock { seen in
            guard let (profiles, presence) = try? store.changes(after: seen.revision) else { return }
            let at = now()
            for row in profiles {
                seen.revision = max(seen.revision, row.account.revision)
                publish(.profileChanged(row.profile(at: at, presenceTimeout: presenceTimeout)))
            }
            for row in presence {
                let current = row.effective(at: at, timeout: presenceTimeout)
                if seen.presence[row.name, default: .offline] != current {
                    seen.presence[row.name] = current
                    publish(.presenceChanged(name: row.name, presence: current))
                }
            }
            seen.nextExpiry = Self.nextExpiry(of: presence, at: at, timeout: presenceTimeout)
        }
    }

    private static func nextExpiry(of rows: [PresenceRecord], at now: Date, timeout: TimeInterval) -> Date? {
        rows.lazy.filter { $0.effective(at: now, timeout: timeout) != .offline }
            .map { $0.lastSeen.addingTimeInterval(timeout) }.min()
    }
}
