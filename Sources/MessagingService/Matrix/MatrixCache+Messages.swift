import Foundation
import GRDB
import ParleyContracts

/// One message as the cache holds it: the Parley message and the Matrix event it came from.
struct CachedMessage: Sendable, Equatable {
    var eventID: String
    var message: ChatMessage

    init(eventID: String, message: ChatMessage) {
        self.eventID = eventID
        self.message = message
    }

    init(row: Row) {
        eventID = row["eventID"]
        let attachments: String = row["attachments"]
        message = ChatMessage(
            id: MessageID(row["id"] as String), room: RoomID(row["roomID"] as String), sender: row["sender"],
            text: row["text"], sentAt: Date(timeIntervalSince1970: row["sentAt"]),
            editedAt: (row["editedAt"] as Double?).map(Date.init(timeIntervalSince1970:)), isDeleted: row["isDeleted"],
            replyTo: (row["replyTo"] as String?).map(MessageID.init(rawValue:)),
            attachments: (try? JSONDecoder().decode([AttachmentReference].self, from: Data(attachments.utf8))) ?? [],
            sequence: row["sequence"], notice: row["notice"])
    }
}

extension MatrixCache {
    /// Stores `message` unless its event is already stored; returns what is stored for the event either way
    /// and whether it was new.
    static func insert(_ db: Database, _ cached: CachedMessage, account: String) throws -> (CachedMessage, Bool) {
        if let stored = try message(db, eventID: cached.eventID, account: account) { return (stored, false) }
        let message = cached.message
        let attachments = String(
            decoding: (try? JSONEncoder().encode(message.attachments)) ?? Data("[]".utf8), as: UTF8.self)
        try db.execute(
            sql: """
                INSERT INTO messages(account, eventID, id, roomID, sender, text, sentAt, editedAt, isDeleted, replyTo,
                    attachments, notice, sequence)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                account, cached.eventID, message.id.rawValue, message.room.rawValue, message.sender, message.text,
                message.sentAt.timeIntervalSince1970, message.editedAt?.timeIntervalSince1970, message.isDeleted,
                message.replyTo?.rawValue, attachments, message.notice, message.sequence,
            ])
        // Read back, so the message is exactly what a later read gives (dates as stored).
        return (try Self.message(db, eventID: cached.eventID, account: account) ?? cached, true)
    }

    /// Replaces the text (an edit) and marks when.
    static func edit(_ db: Database, eventID: String, text: String, at date: Date, account: String) throws
        -> CachedMessage?
    {
        try db.execute(
            sql: "UPDATE messages SET text = ?, editedAt = ? WHERE account = ? AND eventID = ? AND isDeleted = 0",
            arguments: [text, date.timeIntervalSince1970, account, eventID])
        return try message(db, eventID: eventID, account: account)
    }

    /// Leaves a tombstone in the message's place (a redaction).
    static func redact(_ db: Database, eventID: String, account: String) throws -> CachedMessage? {
        try db.execute(
            sql: """
                UPDATE messages SET text = '', attachments = '[]', notice = NULL, isDeleted = 1
                WHERE account = ? AND eventID = ?
                """, arguments: [account, eventID])
        return try message(db, eventID: eventID, account: account)
    }

    static func message(_ db: Database, eventID: String, account: String) throws -> CachedMessage? {
        try Row.fetchOne(
            db, sql: "SELECT * FROM messages WHERE account = ? AND eventID = ?", arguments: [account, eventID]
        ).map(CachedMessage.init(row:))
    }

    static func message(_ db: Database, id: MessageID, account: String) throws -> CachedMessage? {
        try Row.fetchOne(
            db, sql: "SELECT * FROM messages WHERE account = ? AND id = ?", arguments: [account, id.rawValue]
        ).map(CachedMessage.init(row:))
    }

    func message(id: MessageID, account: String) throws(MessagingError) -> CachedMessage? {
        try read { db in try Self.message(db, id: id, account: account) }
    }

    /// The Parley id of the message stored for `eventID`, e.g. for a reply's target.
    static func messageID(_ db: Database, eventID: String, account: String) throws -> MessageID? {
        try String.fetchOne(
            db, sql: "SELECT id FROM messages WHERE account = ? AND eventID = ?", arguments: [account, eventID]
        ).map(MessageID.init(rawValue:))
    }

    /// The lowest and highest numbers in a room, if it has messages.
    static func sequenceRange(_ db: Database, room: String, account: String) throws -> ClosedRange<Int64>? {
        let row = try Row.fetchOne(
            db,
            sql: "SELECT MIN(sequence) AS low, MAX(sequence) AS high FROM messages WHERE account = ? AND roomID = ?",
            arguments: [account, room])
        guard let low = row?["low"] as Int64?, let high = row?["high"] as Int64? else { return nil }
        return low...high
    }

    /// At most `limit` messages before (or after) `sequence` in a room, oldest first, and whether more lie
    /// beyond them in the cache.
    func page(
        room: RoomID, account: String, before: Int64? = nil, after: Int64? = nil, limit: Int
    ) throws(MessagingError) -> (messages: [ChatMessage], more: Bool) {
        try read { db in
            let rows: [Row]
            if let after {
                rows = try Row.fetchAll(
                    db,
                    sql: """
                        SELECT * FROM messages WHERE account = ? AND roomID = ? AND sequence > ?
                        ORDER BY sequence ASC LIMIT ?
                        """, arguments: [account, room.rawValue, after, limit + 1])
            } else {
                rows = try Row.fetchAll(
                    db,
                    sql: """
                        SELECT * FROM messages WHERE account = ? AND roomID = ? AND sequence < ?
                        ORDER BY sequence DESC LIMIT ?
                        """, arguments: [account, room.rawValue, before ?? Int64.max, limit + 1])
            }
            var messages = rows.prefix(limit).map { CachedMessage(row: $0).message }
            if after == nil { messages.reverse() }
            let names = MatrixEventReader(account: account)
            messages = try Self.withReactions(db, messages, room: room, account: account, shownName: names.shownName)
            return (messages, rows.count > limit)
        }
    }

    /// Messages whose text holds every word of `query` (an FTS5 query), newest first; with `before`, only
    /// those after that message in this order (the last of the previous page).
    func search(
        _ query: String, room: RoomID?, before: MessageID? = nil, account: String, limit: Int
    ) throws(MessagingError) -> [ChatMessage] {
        try read { db in
            // Sent times can tie: the row number orders messages sent at the same moment, so no page repeats one.
            var anchor: (sentAt: Double, row: Int64)?
            if let before {
                let row = try Row.fetchOne(
                    db, sql: "SELECT sentAt, rowid AS row FROM messages WHERE account = ? AND id = ?",
                    arguments: [account, before.rawValue])
                guard let row else { throw MessagingError.unknownMessage(before) }
                anchor = (row["sentAt"], row["row"])
            }
            return try Row.fetchAll(
                db,
                sql: """
                    SELECT messages.* FROM messageSearch
                    JOIN messages ON messages.rowid = messageSearch.rowid
                    WHERE messageSearch MATCH ?1 AND messages.account = ?2 AND messages.isDeleted = 0
                      AND messages.notice IS NULL
                      AND messages.roomID IN (SELECT id FROM rooms WHERE account = ?2)
                      AND (?3 IS NULL OR messages.roomID = ?3)
                      AND (?4 IS NULL OR messages.sentAt < ?4 OR (messages.sentAt = ?4 AND messages.rowid < ?5))
                    ORDER BY messages.sentAt DESC, messages.rowid DESC LIMIT ?6
                    """,
                arguments: [query, account, room?.rawValue, anchor?.sentAt, anchor?.row, limit]
            ).map { CachedMessage(row: $0).message }
        }
    }
}
