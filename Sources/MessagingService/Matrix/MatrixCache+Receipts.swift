import GRDB
import MatrixClient
import ParleyContracts

/// Read receipts as Matrix has them: `m.receipt` ephemeral events in each sync, naming per event who read up to
/// it. The cache keeps each member's newest, on the message it points at, so the screen opens with them and
/// offline shows them too.
extension MatrixCache {
    /// Stores the `m.read` receipts of one `m.receipt` event; returns those that moved forward, to publish.
    /// A receipt on an event the cache holds no message for (a reaction) counts for the message it annotates;
    /// one on an event the cache does not know at all is dropped (it is older than anything shown).
    static func applyReceipts(
        _ db: Database, _ event: ClientEvent, room: String, reader: MatrixEventReader
    ) throws -> [MessagingEvent] {
        var moved: [MessagingEvent] = []
        for (eventID, types) in event.content.objectValue ?? [:] {
            guard let readers = types["m.read"]?.objectValue, !readers.isEmpty,
                let target = try receiptTarget(db, eventID: eventID, account: reader.account),
                target.message.room.rawValue == room
            else { continue }
            for user in readers.keys.sorted() {
                try db.execute(
                    sql: """
                        INSERT INTO receipts(account, roomID, user, messageID, sequence) VALUES (?, ?, ?, ?, ?)
                        ON CONFLICT(account, roomID, user) DO UPDATE SET
                            messageID = excluded.messageID, sequence = excluded.sequence
                        WHERE excluded.sequence > receipts.sequence
                        """,
                    arguments: [reader.account, room, user, target.message.id.rawValue, target.message.sequence])
                guard db.changesCount > 0 else { continue }
                let receipt = ReadReceipt(
                    user: reader.shownName(user), message: target.message.id, sequence: target.message.sequence)
                moved.append(.receiptMoved(room: RoomID(room), receipt: receipt))
            }
        }
        return moved
    }

    /// The message a receipt on `eventID` stands for.
    private static func receiptTarget(_ db: Database, eventID: String, account: String) throws -> CachedMessage? {
        if let message = try message(db, eventID: eventID, account: account) { return message }
        guard
            let annotated = try String.fetchOne(
                db, sql: "SELECT target FROM reactions WHERE account = ? AND eventID = ?",
                arguments: [account, eventID])
        else { return nil }
        return try message(db, eventID: annotated, account: account)
    }

    /// The kept receipts of a room, names as shown. Not limited to the members the cache knows: members are
    /// loaded lazily (only those who sent something seen), and a reader who never wrote is a member all the same.
    func receipts(room: RoomID, account: String, shownName: (String) -> String) throws(MessagingError)
        -> [ReadReceipt]
    {
        try read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT user, messageID, sequence FROM receipts
                    WHERE account = ? AND roomID = ? ORDER BY user
                    """, arguments: [account, room.rawValue]
            ).map {
                ReadReceipt(user: shownName($0["user"]), message: MessageID($0["messageID"]), sequence: $0["sequence"])
            }
        }
    }

    /// The table, added to caches made before receipts existed.
    static func createReceipts(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE receipts (
                    account TEXT NOT NULL,
                    roomID TEXT NOT NULL,
                    user TEXT NOT NULL,
                    messageID TEXT NOT NULL,
                    sequence INTEGER NOT NULL,
                    PRIMARY KEY (account, roomID, user)
                );
                """)
    }
}
