import GRDB
import ParleyContracts

/// Reading: history pages, search, and the change log that live events come from.
extension MessageStore {
    func history(
        of roomID: RoomID, from cursor: HistoryCursor, limit: Int, askedBy user: String
    ) throws(MessagingError) -> HistoryPage {
        try read { db in
            _ = try Self.membership(db, room: roomID.rawValue, user: user)
            var page = try Self.page(of: roomID, from: cursor, limit: limit, user: user, db)
            page.messages = try Self.withReactions(db, page.messages)
            page.receipts = try Self.receipts(db, room: roomID.rawValue)
            return page
        }
    }

    private static func page(
        of roomID: RoomID, from cursor: HistoryCursor, limit: Int, user: String, _ db: Database
    ) throws -> HistoryPage {
        // One row more than asked tells whether there is more beyond the page.
        let room = roomID.rawValue
        switch cursor {
        case .newest:
            let rows = try Self.messages(
                db, "WHERE roomID = ? ORDER BY sequence DESC LIMIT ?", [room, limit + 1])
            return HistoryPage(
                room: roomID, messages: rows.prefix(limit).reversed().map(\.message), hasOlder: rows.count > limit,
                hasNewer: false)
        case .oldest:
            let rows = try Self.messages(db, "WHERE roomID = ? ORDER BY sequence ASC LIMIT ?", [room, limit + 1])
            return HistoryPage(
                room: roomID, messages: rows.prefix(limit).map(\.message), hasOlder: false,
                hasNewer: rows.count > limit)
        case let .before(id):
            let anchor = try Self.anchor(db, id: id, room: room, user: user)
            let rows = try Self.messages(
                db, "WHERE roomID = ? AND sequence < ? ORDER BY sequence DESC LIMIT ?", [room, anchor, limit + 1])
            return HistoryPage(
                room: roomID, messages: rows.prefix(limit).reversed().map(\.message), hasOlder: rows.count > limit,
                hasNewer: true)
        case let .after(id):
            let anchor = try Self.anchor(db, id: id, room: room, user: user)
            let rows = try Self.messages(
                db, "WHERE roomID = ? AND sequence > ? ORDER BY sequence ASC LIMIT ?", [room, anchor, limit + 1])
            return HistoryPage(
                room: roomID, messages: rows.prefix(limit).map(\.message), hasOlder: true,
                hasNewer: rows.count > limit)
        }
    }

    /// Messages matching every word of `query` in the user's rooms (or in `room`), newest first; with
    /// `before`, only those older than that message (the last of the previous page).
    func search(
        _ query: String, in room: RoomID?, before: MessageID? = nil, limit: Int, askedBy user: String
    ) throws(MessagingError) -> [ChatMessage] {
        try read { db in
            if let room { _ = try Self.membership(db, room: room.rawValue, user: user) }
            let anchor = try before.map { id in try Self.visibleMessage(db, id: id, user: user).sequence }
            // Walking the index newest first lets SQLite stop after `limit` matches, however many there are.
            let rows = try MessageRecord.fetchAll(
                db.cachedStatement(
                    sql: """
                        SELECT messages.* FROM messageSearch
                        JOIN messages ON messages.sequence = messageSearch.rowid
                        WHERE messageSearch MATCH ?1
                          AND messages.roomID IN (SELECT roomID FROM members WHERE user = ?2)
                          AND (?3 IS NULL OR messages.roomID = ?3)
                          AND (?4 IS NULL OR messageSearch.rowid < ?4)
                        ORDER BY messageSearch.rowid DESC LIMIT ?5
                        """),
                arguments: [query, user, room?.rawValue, anchor ?? nil, limit])
            return rows.map(\.message)
        }
    }

    private static func messages(_ db: Database, _ clause: String, _ arguments: StatementArguments) throws
        -> [MessageRecord]
    {
        try MessageRecord.fetchAll(db.cachedStatement(sql: "SELECT * FROM messages " + clause), arguments: arguments)
    }

    /// The sequence of the cursor's message, which must be in this room.
    private static func anchor(_ db: Database, id: MessageID, room: String, user: String) throws -> Int64 {
        let message = try visibleMessage(db, id: id, user: user)
        guard message.roomID == room, let sequence = message.sequence else { throw MessagingError.unknownMessage(id) }
        return sequence
    }
}
