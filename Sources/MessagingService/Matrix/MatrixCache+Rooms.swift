import GRDB
import ParleyContracts

/// What the cache knows of a room besides its messages.
struct CachedRoom: Sendable, Equatable {
    var id: String
    var name: String
    var kind: Room.Kind
    /// For a direct conversation: the other user's Matrix id.
    var directWith: String?
    var isEncrypted: Bool
    var backToken: String?
    var reachedStart: Bool
}

extension MatrixCache {
    /// Adds the room or renames it; a room already known keeps what the new name does not say.
    static func upsertRoom(
        _ db: Database, id: String, name: String?, kind: Room.Kind?, directWith: String? = nil, account: String
    ) throws {
        try db.execute(
            sql: """
                INSERT INTO rooms(account, id, name, kind, directWith) VALUES (?1, ?2, COALESCE(?3, ?2), COALESCE(?4, 'public'), ?5)
                ON CONFLICT(account, id) DO UPDATE SET
                    name = COALESCE(?3, name), kind = COALESCE(?4, kind), directWith = COALESCE(?5, directWith)
                """, arguments: [account, id, name, kind?.rawValue, directWith])
    }

    func upsertRoom(id: String, name: String?, kind: Room.Kind?, directWith: String? = nil, account: String)
        throws(MessagingError)
    {
        try write { db in
            try Self.upsertRoom(db, id: id, name: name, kind: kind, directWith: directWith, account: account)
        }
    }

    func removeRoom(_ id: RoomID, account: String) throws(MessagingError) {
        try write { db in try Self.removeRoom(db, id: id.rawValue, account: account) }
    }

    static func removeRoom(_ db: Database, id: String, account: String) throws {
        try db.execute(sql: "DELETE FROM rooms WHERE account = ? AND id = ?", arguments: [account, id])
        try db.execute(sql: "DELETE FROM members WHERE account = ? AND roomID = ?", arguments: [account, id])
        try db.execute(sql: "DELETE FROM messages WHERE account = ? AND roomID = ?", arguments: [account, id])
    }

    func cachedRoom(_ id: RoomID, account: String) throws(MessagingError) -> CachedRoom? {
        try read { db in try Self.cachedRoom(db, id: id.rawValue, account: account) }
    }

    static func cachedRoom(_ db: Database, id: String, account: String) throws -> CachedRoom? {
        try Row.fetchOne(db, sql: "SELECT * FROM rooms WHERE account = ? AND id = ?", arguments: [account, id]).map {
            CachedRoom(
                id: $0["id"], name: $0["name"], kind: Room.Kind(rawValue: $0["kind"]) ?? .publicRoom,
                directWith: $0["directWith"], isEncrypted: $0["isEncrypted"], backToken: $0["backToken"],
                reachedStart: $0["reachedStart"])
        }
    }

    /// The direct conversation with `user` (a Matrix id), if the cache knows one.
    func directRoom(with user: String, account: String) throws(MessagingError) -> RoomID? {
        try read { db in
            try String.fetchOne(
                db, sql: "SELECT id FROM rooms WHERE account = ? AND directWith = ? AND kind = 'direct' LIMIT 1",
                arguments: [account, user]
            ).map(RoomID.init(rawValue:))
        }
    }

    static func setMember(_ db: Database, room: String, user: String, joined: Bool, account: String) throws {
        if joined {
            try db.execute(
                sql: "INSERT OR IGNORE INTO members(account, roomID, user) VALUES (?, ?, ?)",
                arguments: [account, room, user])
        } else {
            try db.execute(
                sql: "DELETE FROM members WHERE account = ? AND roomID = ? AND user = ?",
                arguments: [account, room, user])
        }
    }

    func members(of room: RoomID, account: String) throws(MessagingError) -> [String] {
        try read { db in
            try String.fetchAll(
                db, sql: "SELECT user FROM members WHERE account = ? AND roomID = ? ORDER BY user",
                arguments: [account, room.rawValue])
        }
    }

    func setUnread(_ count: Int, room: RoomID, account: String) throws(MessagingError) {
        try write { db in
            try db.execute(
                sql: "UPDATE rooms SET unread = ? WHERE account = ? AND id = ?",
                arguments: [count, account, room.rawValue])
        }
    }

    func setBackToken(_ token: String?, room: RoomID, account: String) throws(MessagingError) {
        try write { db in
            try db.execute(
                sql: "UPDATE rooms SET backToken = ?, reachedStart = ? WHERE account = ? AND id = ?",
                arguments: [token, token == nil, account, room.rawValue])
        }
    }

    /// The account's rooms as the room list shows them: public rooms by name, then direct conversations.
    func rooms(account: String, shownName: (String) -> String) throws(MessagingError) -> [Room] {
        try read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT rooms.*,
                        (SELECT COUNT(*) FROM members WHERE members.account = rooms.account
                            AND members.roomID = rooms.id) AS memberCount,
                        (SELECT MAX(sequence) FROM messages WHERE messages.account = rooms.account
                            AND messages.roomID = rooms.id) AS latest
                    FROM rooms WHERE account = ? ORDER BY kind DESC, name
                    """, arguments: [account]
            ).map { row in Self.room(row, shownName: shownName) }
        }
    }

    func room(_ id: RoomID, account: String, shownName: (String) -> String) throws(MessagingError) -> Room? {
        try rooms(account: account, shownName: shownName).first { $0.id == id }
    }

    private static func room(_ row: Row, shownName: (String) -> String) -> Room {
        let kind = Room.Kind(rawValue: row["kind"]) ?? .publicRoom
        let directWith: String? = row["directWith"]
        let name = kind == .direct ? directWith.map(shownName) ?? row["name"] : row["name"] as String
        return Room(
            id: RoomID(row["id"] as String), kind: kind, name: name, memberCount: row["memberCount"],
            unreadCount: min(row["unread"] as Int, Room.unreadCountLimit),
            latestSequence: (row["latest"] as Int64?) ?? 0,
            isEncrypted: row["isEncrypted"])
    }
}
