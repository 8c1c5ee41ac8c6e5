import GRDB
import ParleyContracts

/// Reactions: a key (an emoji) a member gives a message, once per key, taken back with `unreact`. Each change
/// is logged as `reacted`, so that every process on the data directory shows the new counts.
extension MessageStore {
    /// Gives `key` to the message `id` from `user`; giving the same key twice changes nothing.
    func react(to id: MessageID, key: String, by user: String) throws(MessagingError) -> ChatMessage {
        try write { db in
            let record = try Self.reactable(db, id: id, user: user)
            try db.cachedStatement(
                sql: "INSERT OR IGNORE INTO reactions (message, user, key, givenAt) VALUES (?, ?, ?, ?)"
            ).execute(arguments: [record.sequence, user, key, Self.now()])
            if db.changesCount > 0 { try Self.logReaction(db, to: record) }
            return try Self.withReactions(db, record.message)
        }
    }

    /// Takes back every key `user` gave the message `id`; none given changes nothing.
    func unreact(to id: MessageID, by user: String) throws(MessagingError) -> ChatMessage {
        try write { db in
            let record = try Self.reactable(db, id: id, user: user)
            try db.cachedStatement(sql: "DELETE FROM reactions WHERE message = ? AND user = ?")
                .execute(arguments: [record.sequence, user])
            if db.changesCount > 0 { try Self.logReaction(db, to: record) }
            return try Self.withReactions(db, record.message)
        }
    }

    /// A message the user may react to: one in a room of theirs, not deleted.
    private static func reactable(_ db: Database, id: MessageID, user: String) throws -> MessageRecord {
        let record = try visibleMessage(db, id: id, user: user)
        guard !record.isDeleted else { throw MessagingError.messageDeleted(id) }
        return record
    }

    private static func logReaction(_ db: Database, to record: MessageRecord) throws {
        var change = ChangeRecord(kind: .reacted, roomID: record.roomID, message: record.sequence)
        try change.insert(db)
    }

    /// `message` with its reactions read from the store.
    static func withReactions(_ db: Database, _ message: ChatMessage) throws -> ChatMessage {
        try withReactions(db, [message])[0]
    }

    /// `messages` with their reactions, in one query for the lot: most messages have none, and a page of
    /// history must not cost a query per message.
    static func withReactions(_ db: Database, _ messages: [ChatMessage]) throws -> [ChatMessage] {
        guard let first = messages.map(\.sequence).min(), let last = messages.map(\.sequence).max() else {
            return messages
        }
        let rows = try Row.fetchAll(
            db.cachedStatement(
                sql: """
                    SELECT message, user, key FROM reactions WHERE message BETWEEN ? AND ?
                    ORDER BY message, givenAt, rowid
                    """),
            arguments: [first, last])
        guard !rows.isEmpty else { return messages }
        var byMessage: [Int64: [(key: String, user: String)]] = [:]
        for row in rows { byMessage[row["message"], default: []].append((row["key"], row["user"])) }
        return messages.map { message in
            guard let given = byMessage[message.sequence] else { return message }
            var message = message
            message.reactions = Reaction.grouped(given)
            return message
        }
    }

    /// The reactions of the message with sequence `sequence`, as a live event reports them.
    static func reactions(_ db: Database, message sequence: Int64) throws -> [Reaction] {
        let rows = try Row.fetchAll(
            db.cachedStatement(
                sql: "SELECT user, key FROM reactions WHERE message = ? ORDER BY givenAt, rowid"),
            arguments: [sequence])
        return Reaction.grouped(rows.map { (key: $0["key"], user: $0["user"]) })
    }

    /// The table, added to stores made before reactions existed.
    static func createReactions(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE reactions (
                    message INTEGER NOT NULL REFERENCES messages(sequence),
                    user TEXT NOT NULL,
                    key TEXT NOT NULL,
                    givenAt DOUBLE NOT NULL,
                    PRIMARY KEY (message, user, key)
                );
                """)
    }
}
