import GRDB
import ParleyContracts

/// The change log, read by the live-event feed.
extension MessageStore {
    /// The newest change so far: a feed starting now reports only what comes after it.
    func latestChange() throws(MessagingError) -> Int64 {
        try read { db in try Int64.fetchOne(db, sql: "SELECT MAX(sequence) FROM changes") ?? 0 }
    }

    /// Events for the changes after `sequence` (at most `limit` of them) that concern `audience`: what happened
    /// in their rooms, their own membership, and their own read markers.
    /// - Returns: the events, and the sequence of the last change looked at.
    func events(
        after sequence: Int64, for audience: Set<String>, limit: Int
    ) throws(MessagingError) -> (events: [MessagingEvent], last: Int64) {
        try read { db in
            // Nobody to tell yet: skip to the present.
            guard !audience.isEmpty else {
                return ([], try Int64.fetchOne(db, sql: "SELECT MAX(sequence) FROM changes") ?? sequence)
            }
            let placeholders = databaseQuestionMarks(count: audience.count)
            // Cached: this runs after every commit, and preparing it cost more than running it. The audience
            // rarely changes size, so the cache holds one or two of these.
            let rooms = try Set(
                String.fetchAll(
                    db.cachedStatement(sql: "SELECT DISTINCT roomID FROM members WHERE user IN (\(placeholders))"),
                    arguments: StatementArguments(Array(audience))))
            // A cursor, not fetchAll: its rows read straight from the statement, so message text keeps its NULs.
            let rows = try Row.fetchCursor(
                db.cachedStatement(
                    sql: """
                        SELECT changes.sequence AS change, changes.kind AS changeKind, changes.roomID AS changeRoom,
                               changes.user AS changeUser, messages.*
                        FROM changes LEFT JOIN messages ON messages.sequence = changes.message
                        WHERE changes.sequence > ? ORDER BY changes.sequence LIMIT ?
                        """),
                arguments: [sequence, limit])
            var last = sequence
            var events: [MessagingEvent] = []
            while let row = try rows.next() {
                last = row["change"]
                guard var event = Self.event(row, rooms: rooms, audience: audience) else { continue }
                // The log names the message reacted to; what it has now is read here.
                if case let .typing(room, _) = event {
                    event = .typing(room: room, users: try Self.typists(db, room: room.rawValue))
                } else if case let .reactionsChanged(room, id, _) = event, let sequence = row["sequence"] as Int64? {
                    event = .reactionsChanged(
                        room: room, message: id, reactions: try Self.reactions(db, message: sequence))
                }
                events.append(event)
            }
            return (events, last)
        }
    }

    private static func event(_ row: Row, rooms: Set<String>, audience: Set<String>) -> MessagingEvent? {
        guard let kind = ChangeRecord.Kind(rawValue: row["changeKind"]) else { return nil }
        let room: String = row["changeRoom"]
        let user: String? = row["changeUser"]
        let inAudience = user.map(audience.contains) ?? false
        let message: ChatMessage? = (row["sequence"] as Int64?).map { _ in MessageRecord(row: row).message }
        switch kind {
        case .posted, .edited, .deleted:
            guard rooms.contains(room), let message else { return nil }
            return switch kind {
            case .posted: .messagePosted(message)
            case .edited: .messageEdited(message)
            default: .messageDeleted(message)
            }
        case .joined, .left:
            guard let user, rooms.contains(room) || inAudience else { return nil }
            return kind == .joined
                ? .memberJoined(room: RoomID(room), user: user) : .memberLeft(room: RoomID(room), user: user)
        case .read:
            guard let user, inAudience, let message else { return nil }
            return .readMarkerMoved(room: RoomID(room), user: user, upTo: message.id)
        case .typing:
            guard rooms.contains(room) else { return nil }
            return .typing(room: RoomID(room), users: [])
        case .reacted:
            guard rooms.contains(room), let message else { return nil }
            return .reactionsChanged(room: RoomID(room), message: message.id, reactions: [])
        case .receipt:
            guard let user, rooms.contains(room), let message else { return nil }
            return .receiptMoved(
                room: RoomID(room), receipt: ReadReceipt(user: user, message: message.id, sequence: message.sequence))
        }
    }
}
