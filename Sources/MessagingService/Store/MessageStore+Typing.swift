import Foundation
import GRDB
import ParleyContracts

/// Typing notices: who is writing a message in a room, until when. Each change is logged as `typing`, so
/// every process on the data directory tells its users at once; a notice lapses on its own at its `until`.
extension MessageStore {
    /// Records that `user` is typing in `room` (for `typingTimeout` from now), or has stopped.
    func setTyping(_ isTyping: Bool, in roomID: RoomID, user: String) throws(MessagingError) {
        try write { db in
            _ = try Self.membership(db, room: roomID.rawValue, user: user)
            if isTyping {
                let until = Self.now() + Double(MessagingRequest.typingTimeout.components.seconds)
                try db.cachedStatement(
                    sql: """
                        INSERT INTO typing (roomID, user, until) VALUES (?, ?, ?)
                        ON CONFLICT(roomID, user) DO UPDATE SET until = excluded.until
                        """
                ).execute(arguments: [roomID.rawValue, user, until])
            } else {
                try db.cachedStatement(sql: "DELETE FROM typing WHERE roomID = ? AND user = ?")
                    .execute(arguments: [roomID.rawValue, user])
                guard db.changesCount > 0 else { return }
            }
            var change = ChangeRecord(kind: .typing, roomID: roomID.rawValue, user: user)
            try change.insert(db)
        }
    }

    /// Who is typing in `room` now, by name.
    static func typists(_ db: Database, room: String) throws -> [String] {
        try String.fetchAll(
            db.cachedStatement(sql: "SELECT user FROM typing WHERE roomID = ? AND until > ? ORDER BY user"),
            arguments: [room, now()])
    }

    /// The table, added to stores made before typing notices existed.
    static func createTyping(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE typing (
                    roomID TEXT NOT NULL REFERENCES rooms(id),
                    user TEXT NOT NULL,
                    until DOUBLE NOT NULL,
                    PRIMARY KEY (roomID, user)
                );
                """)
    }
}
