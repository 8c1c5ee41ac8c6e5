import GRDB
import ParleyContracts

/// Reactions as Matrix has them: each an `m.reaction` event annotating its target with a key, taken back by
/// redacting that event. The cache keeps every reaction event, so counts and the user's own show offline and
/// `/unreact` knows which events to redact.
extension MatrixCache {
    /// Stores a reaction event unless it is stored; returns the target's message, if the cache holds it.
    static func addReaction(
        _ db: Database, eventID: String, target: String, key: String, sender: String, room: String, account: String
    ) throws -> CachedMessage? {
        try db.execute(
            sql: """
                INSERT OR IGNORE INTO reactions(account, eventID, roomID, target, sender, key)
                VALUES (?, ?, ?, ?, ?, ?)
                """, arguments: [account, eventID, room, target, sender, key])
        return try message(db, eventID: target, account: account)
    }

    /// Forgets the reaction event `eventID` (redacted); returns its target's message, or nil when it was no
    /// reaction the cache knew.
    static func removeReaction(_ db: Database, eventID: String, account: String) throws -> CachedMessage? {
        guard
            let target = try String.fetchOne(
                db, sql: "SELECT target FROM reactions WHERE account = ? AND eventID = ?",
                arguments: [account, eventID])
        else { return nil }
        try db.execute(
            sql: "DELETE FROM reactions WHERE account = ? AND eventID = ?", arguments: [account, eventID])
        return try message(db, eventID: target, account: account)
    }

    /// The reaction events `sender` gave the message of `target`: what `/unreact` redacts.
    static func reactionEvents(_ db: Database, target: String, sender: String, account: String) throws -> [String] {
        try String.fetchAll(
            db, sql: "SELECT eventID FROM reactions WHERE account = ? AND target = ? AND sender = ? ORDER BY rowid",
            arguments: [account, target, sender])
    }

    /// The reactions of the message of event `target`, grouped by key, earliest first; senders as shown.
    static func reactions(
        _ db: Database, target: String, account: String, shownName: (String) -> String
    ) throws -> [Reaction] {
        let rows = try Row.fetchAll(
            db, sql: "SELECT key, sender FROM reactions WHERE account = ? AND target = ? ORDER BY rowid",
            arguments: [account, target])
        return Reaction.grouped(rows.map { (key: $0["key"], user: shownName($0["sender"])) })
    }

    /// `cached`'s message with its reactions.
    static func withReactions(
        _ db: Database, _ cached: CachedMessage, account: String, shownName: (String) -> String
    ) throws -> ChatMessage {
        var message = cached.message
        message.reactions = try reactions(db, target: cached.eventID, account: account, shownName: shownName)
        return message
    }

    /// `messages` of one room with their reactions, in one query: most messages have none.
    static func withReactions(
        _ db: Database, _ messages: [ChatMessage], room: RoomID, account: String, shownName: (String) -> String
    ) throws -> [ChatMessage] {
        guard !messages.isEmpty else { return messages }
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT messages.id AS id, reactions.key AS key, reactions.sender AS sender FROM reactions
                JOIN messages ON messages.account = reactions.account AND messages.eventID = reactions.target
                WHERE reactions.account = ? AND reactions.roomID = ?
                  AND messages.sequence BETWEEN ? AND ?
                ORDER BY reactions.rowid
                """,
            arguments: [
                account, room.rawValue, messages.map(\.sequence).min() ?? 0, messages.map(\.sequence).max() ?? 0,
            ])
        guard !rows.isEmpty else { return messages }
        var byMessage: [String: [(key: String, user: String)]] = [:]
        for row in rows { byMessage[row["id"], default: []].append((row["key"], shownName(row["sender"]))) }
        return messages.map { message in
            guard let given = byMessage[message.id.rawValue] else { return message }
            var message = message
            message.reactions = Reaction.grouped(given)
            return message
        }
    }

    /// The event telling the app what the message of `reacted` now has.
    static func reactionsChanged(
        _ db: Database, _ reacted: CachedMessage, reader: MatrixEventReader
    ) throws -> MessagingEvent {
        let message = reacted.message
        return .reactionsChanged(
            room: message.room, message: message.id,
            reactions: try reactions(db, target: reacted.eventID, account: reader.account, shownName: reader.shownName))
    }

    /// The table, added to caches made before reactions existed.
    static func createReactions(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE reactions (
                    account TEXT NOT NULL,
                    eventID TEXT NOT NULL,
                    roomID TEXT NOT NULL,
                    target TEXT NOT NULL,
                    sender TEXT NOT NULL,
                    key TEXT NOT NULL,
                    PRIMARY KEY (account, eventID)
                );
                CREATE INDEX reactionsByTarget ON reactions(account, target);
                """)
    }
}
