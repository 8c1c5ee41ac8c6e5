import Foundation
import ParleyContracts
import ParleyCore
import Synchronization

/// Messages already laid out as screen lines, so that a message is laid out once, not at every frame: while a
/// flood streams into the room, each frame lays out only the messages that came since the last.
///
/// Keyed by everything the layout reads (the message itself, the width, the clock's settings, the name of the
/// sender it answers, its attachments' numbers, who
/// counts as mentioned, the number `/react N` shows, the receipt mark), so an edit, a resize, a renumbering or a
/// receipt lays it out afresh.
/// Bounded: entries not used during the last `capacity` layouts are dropped (two generations, swapped when
/// the newer fills, so a lookup stays O(1) and nothing needs a clock).
public final class TimelineLayoutCache: Sendable {
    struct Key: Hashable {
        let message: ChatMessage
        let width: Int
        let showTimestamps: Bool
        let timeZone: TimeZone
        let replySender: String?
        let numbers: [Int?]
        let mentions: MentionMatcher?
        let reactionNumber: Int?
        /// `✓`, `✓✓` and the readers beside one of the user's messages: a receipt moving lays it out again.
        let receipt: ReceiptMarks.Mark?
    }

    private struct Generations {
        var current: [Key: [StyledLine]] = [:]
        var previous: [Key: [StyledLine]] = [:]
    }

    private let capacity: Int
    private let generations = Mutex(Generations())

    /// The cache every screen shares unless given its own: entries are keyed by all they depend on, so
    /// several screens (the scenario runner's sessions) may share it safely.
    public static let shared = TimelineLayoutCache()

    /// - Parameter capacity: how many messages the newer generation holds before it becomes the older one;
    ///   a few screens' worth is plenty.
    public init(capacity: Int = 2_048) { self.capacity = max(1, capacity) }

    /// The lines for `key`, laid out by `layout` only if they are not kept.
    func lines(for key: Key, layout: () -> [StyledLine]) -> [StyledLine] {
        let kept: [StyledLine]? = generations.withLock { generations in
            if let lines = generations.current[key] { return lines }
            guard let lines = generations.previous.removeValue(forKey: key) else { return nil }
            Self.insert(lines, for: key, into: &generations, capacity: capacity)
            return lines
        }
        if let kept { return kept }
        // Laid out outside the lock: two screens rendering at once never wait for each other's layout.
        let lines = layout()
        generations.withLock { Self.insert(lines, for: key, into: &$0, capacity: capacity) }
        return lines
    }

    /// How many laid-out messages are kept.
    public var count: Int { generations.withLock { $0.current.count + $0.previous.count } }

    private static func insert(
        _ lines: [StyledLine], for key: Key, into generations: inout Generations, capacity: Int
    ) {
        if generations.current.count >= capacity {
            generations.previous = generations.current
            generations.current = [:]
        }
        generations.current[key] = lines
    }
}
