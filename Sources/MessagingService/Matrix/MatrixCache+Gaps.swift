import GRDB
import MatrixClient
import ParleyContracts

/// What filling a limited timeline's gap reads and writes.
extension MatrixCache {
    /// Whether the cache holds any message of `room`.
    func hasMessages(in room: String, account: String) throws(MessagingError) -> Bool {
        try read { db in
            try Bool.fetchOne(
                db, sql: "SELECT EXISTS (SELECT 1 FROM messages WHERE account = ? AND roomID = ?)",
                arguments: [account, room]) ?? false
        }
    }

    /// Which of `eventIDs` the cache holds.
    func knownEvents(_ eventIDs: [String], account: String) throws(MessagingError) -> Set<String> {
        guard !eventIDs.isEmpty else { return [] }
        return try read { db in
            let placeholders = Array(repeating: "?", count: eventIDs.count).joined(separator: ", ")
            return try String.fetchSet(
                db, sql: "SELECT eventID FROM messages WHERE account = ? AND eventID IN (\(placeholders))",
                arguments: StatementArguments([account] + eventIDs))
        }
    }

    /// Stores a gap's events after what the room held, numbered before the answer's own timeline; returns the
    /// events to publish. A gap the bound cut short first empties the room's messages (see `TimelineGap`).
    static func applyGap(_ db: Database, _ gap: TimelineGap, room: String, reader: MatrixEventReader) throws
        -> [MessagingEvent]
    {
        let account = reader.account
        if let token = gap.unfilledFrom {
            try db.execute(
                sql: "DELETE FROM messages WHERE account = ? AND roomID = ?", arguments: [account, room])
            try db.execute(
                sql: "UPDATE rooms SET backToken = ?, reachedStart = 0 WHERE account = ? AND id = ?",
                arguments: [token, account, room])
        }
        return try applyTimeline(db, gap.events, room: room, reader: reader, live: true) {
            try takeSequence(db, account: account)
        }
    }
}
