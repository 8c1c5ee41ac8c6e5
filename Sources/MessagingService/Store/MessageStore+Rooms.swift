import GRDB
import ParleyContracts

/// Users, rooms and membership.
extension MessageStore {
    /// Records that `user` exists; the first time, also joins them to `#general`.
    /// - Returns: whether this was the user's first contact.
    @discardableResult
    func enter(user: String) throws(MessagingError) -> Bool {
        try write { db in
            try db.execute(
                sql: "INSERT OR IGNORE INTO users (name, firstSeenAt) VALUES (?, ?)", arguments: [user, Self.now()])
            guard db.changesCount > 0 else { return false }
            if try RoomRecord.fetchOne(db, key: Self.generalRoom) != nil {
                try Self.addMember(db, room: Self.generalRoom, user: user)
            }
            return true
        }
    }

    func createRoom(named name: String, by user: String) throws(MessagingError) -> Room {
        try write { db in
            guard try RoomRecord.fetchOne(db, key: name) == nil else { throw MessagingError.roomExists(name) }
            let room = RoomRecord(id: name, kind: .publicRoom, name: name, createdAt: Self.now(), createdBy: user)
            try room.insert(db)
            return try Self.roomView(db, room: room, member: Self.addMember(db, room: name, user: user))
        }
    }

    /// Joins a public room; joining a room one is already in just returns it.
    func joinRoom(named name: String, user: String) throws(MessagingError) -> Room {
        try write { db in
            guard let room = try RoomRecord.fetchOne(db, key: name), room.kind == .publicRoom else {
                throw MessagingError.unknownRoom(name)
            }
            let member =
                try MemberRecord.fetchOne(db, key: ["roomID": name, "user": user])
                ?? Self.addMember(db, room: name, user: user)
            return try Self.roomView(db, room: room, member: member)
        }
    }

    func leaveRoom(_ roomID: RoomID, user: String) throws(MessagingError) {
        try write { db in
            let (room, _) = try Self.membership(db, room: roomID.rawValue, user: user)
            guard room.kind == .publicRoom else { throw MessagingError.cannotLeaveDirect(roomID) }
            try MemberRecord.deleteOne(db, key: ["roomID": room.id, "user": user])
            var change = ChangeRecord(kind: .left, roomID: room.id, user: user)
            try change.insert(db)
        }
    }

    /// Opens the direct conversation of `user` with `other`, creating it (with both as members) the first
    /// time; if either had somehow lost membership, it is restored.
    func openDirect(from user: String, with other: String) throws(MessagingError) -> Room {
        try write { db in
            let known = try Bool.fetchOne(
                db, sql: "SELECT EXISTS (SELECT 1 FROM users WHERE name = ?)", arguments: [other])
            guard known == true else { throw MessagingError.unknownUser(other) }
            let id = RoomRecord.directID(user, other)
            let room =
                try RoomRecord.fetchOne(db, key: id)
                ?? {
                    let room = RoomRecord(id: id, kind: .direct, name: "", createdAt: Self.now(), createdBy: user)
                    try room.insert(db)
                    return room
                }()
            var mine: MemberRecord?
            for name in [user, other] {
                let member =
                    try MemberRecord.fetchOne(db, key: ["roomID": id, "user": name])
                    ?? Self.addMember(db, room: id, user: name)
                if name == user { mine = member }
            }
            return try Self.roomView(db, room: room, member: mine!)
        }
    }

    /// The user's rooms, public rooms first, each by name.
    func rooms(of user: String) throws(MessagingError) -> [Room] {
        try read { db in
            let members = try MemberRecord.fetchAll(db, sql: "SELECT * FROM members WHERE user = ?", arguments: [user])
            let rooms = try members.map { member in
                try Self.roomView(db, room: RoomRecord.fetchOne(db, key: member.roomID)!, member: member)
            }
            return rooms.sorted { ($0.kind == .direct ? 1 : 0, $0.name) < ($1.kind == .direct ? 1 : 0, $1.name) }
        }
    }

    func room(_ roomID: RoomID, user: String) throws(MessagingError) -> Room {
        try read { db in
            let (room, member) = try Self.membership(db, room: roomID.rawValue, user: user)
            return try Self.roomView(db, room: room, member: member)
        }
    }

    func members(of roomID: RoomID, askedBy user: String) throws(MessagingError) -> [String] {
        try read { db in
            _ = try Self.membership(db, room: roomID.rawValue, user: user)
            return try String.fetchAll(
                db, sql: "SELECT user FROM members WHERE roomID = ? ORDER BY user", arguments: [roomID.rawValue])
        }
    }

    @discardableResult
    private static func addMember(_ db: Database, room: String, user: String) throws -> MemberRecord {
        // A newcomer starts with everything already there marked read: a backlog is history, not news.
        let newest =
            try Int64.fetchOne(db, sql: "SELECT MAX(sequence) FROM messages WHERE roomID = ?", arguments: [room]) ?? 0
        let member = MemberRecord(roomID: room, user: user, joinedAt: now(), readUpTo: newest)
        try member.insert(db)
        var change = ChangeRecord(kind: .joined, roomID: room, user: user)
        try change.insert(db)
        return member
    }
}
