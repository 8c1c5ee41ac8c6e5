import GRDB
import ParleyContracts

/// Read receipts: how far each member has read a room, for the others to see on their own messages. A receipt
/// moves with the read marker (`markRead`), never on its own, so it costs no write beyond the marker's; each
/// move is logged as `receipt`, so every process on the data directory shows it at once.
extension MessageStore {
    /// Moves `user`'s receipt in `room` forward to the message with sequence `sequence`; a receipt already
    /// past it stays. Called inside `markRead`'s transaction.
    static func moveReceipt(_ db: Database, room: String, user: String, to sequence: Int64) throws {
        try db.cachedStatement(
            sql: """
                INSERT INTO receipts (roomID, user, message) VALUES (?, ?, ?)
                ON CONFLICT(roomID, user) DO UPDATE SET message = excluded.message
                WHERE excluded.message > receipts.message
                """
        ).execute(arguments: [room, user, sequence])
        guard db.changesCount > 0 else { return }
        var change = ChangeRecord(kind: .receipt, roomID: room, user: user, message: sequence)
        try change.insert(db)
    }

    /// The receipts of the room's present members, by name.
    static func receipts(_ db: Database, room: String) throws -> [ReadReceipt] {
        let rows = try Row.fetchAll(
            db.cachedStatement(
                sql: """
                    SELECT receipts.user AS user, messages.id AS id, receipts.message AS sequence
                    FROM receipts
                    JOIN members ON members.roomID = receipts.roomID AND members.user = receipts.user
                    JOIN messages ON messages.sequence = receipts.message
                    WHERE receipts.roomID = ? ORDER BY receipts.user
                    """),
            arguments: [room])
        return rows.map { ReadReceipt(user: $0["user"], message: MessageID($0["id"]), sequence: $0["sequence"]) }
    }

    /// The table, added to stores made before receipts existed.
    static func createReceipts(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE receipts (
                    roomID TEXT NOT NULL REFERENCES rooms(id),
                    user TEXT NOT NULL,
                    message INTEGER NOT NULL REFERENCES messages(sequence),
                    PRIMARY KEY (roomID, user)
                );
                """)
    }
}
