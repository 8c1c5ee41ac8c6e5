import Foundation
import GRDB
import ParleyContracts
import ParleyStorage

/// The messaging service's own database, `messages.sqlite` in the data directory. Several processes may
/// have it open at once: each write is one transaction that checks and changes together, so a check made
/// by one process cannot be undone by another's write in between.
///
/// Every method throws only `MessagingError`: refusals as themselves, storage failures as `.storageFailed`.
struct MessageStore: Sendable {
    static let fileName = "messages.sqlite"
    static let generalRoom = "#general"
    /// How often a transaction that lost a race for the write lock (beyond the busy timeout) is retried.
    static let busyRetries = 3

    private let pool: DatabasePool
    let path: String

    init(directory: DataDirectory) throws(StorageError) {
        pool = try ServiceDatabase.open(Self.fileName, in: directory, migrator: Self.migrator)
        path = directory.file(Self.fileName).path
    }

    // MARK: - Transactions

    /// Runs `body` in a write transaction, retrying it when another process held the lock too long.
    func write<T>(_ body: (Database) throws -> T) throws(MessagingError) -> T {
        var attempt = 0
        while true {
            do {
                return try pool.write(body)
            } catch let error as MessagingError {
                throw error
            } catch let error as DatabaseError
                where (error.resultCode == .SQLITE_BUSY || error.resultCode == .SQLITE_LOCKED)
                && attempt < Self.busyRetries
            {
                attempt += 1
                usleep(UInt32(1_000 << attempt))
            } catch {
                throw .storageFailed(ServiceDatabase.storageError(error, path: path).description)
            }
        }
    }

    /// Runs `body` on a snapshot of the database, never blocked by writers.
    func read<T>(_ body: (Database) throws -> T) throws(MessagingError) -> T {
        do {
            return try pool.read(body)
        } catch let error as MessagingError {
            throw error
        } catch {
            throw .storageFailed(ServiceDatabase.storageError(error, path: path).description)
        }
    }

    // MARK: - Checks shared by reads and writes

    /// The room `roomID`, if the user is a member of it; otherwise why not.
    static func membership(_ db: Database, room roomID: String, user: String) throws -> (RoomRecord, MemberRecord) {
        let room = try RoomRecord.fetchOne(
            db.cachedStatement(sql: "SELECT * FROM rooms WHERE id = ?"), arguments: [roomID])
        guard let room else { throw MessagingError.unknownRoom(roomID) }
        let member = try MemberRecord.fetchOne(
            db.cachedStatement(sql: "SELECT * FROM members WHERE roomID = ? AND user = ?"),
            arguments: [roomID, user])
        guard let member else { throw MessagingError.notAMember(RoomID(roomID)) }
        return (room, member)
    }

    /// The message `id`, if it is in a room the user belongs to: a message elsewhere is reported unknown, so
    /// that ids do not reveal what others are saying.
    static func visibleMessage(_ db: Database, id: MessageID, user: String) throws -> MessageRecord {
        let message = try MessageRecord.fetchOne(
            db.cachedStatement(sql: "SELECT * FROM messages WHERE id = ?"), arguments: [id.rawValue])
        guard let message else { throw MessagingError.unknownMessage(id) }
        let isMember = try Bool.fetchOne(
            db.cachedStatement(sql: "SELECT EXISTS (SELECT 1 FROM members WHERE roomID = ? AND user = ?)"),
            arguments: [message.roomID, user])
        guard isMember == true else { throw MessagingError.unknownMessage(id) }
        return message
    }

    /// The room as `user` sees it, with their unread count.
    static func roomView(_ db: Database, room: RoomRecord, member: MemberRecord) throws -> Room {
        let members =
            try Int.fetchOne(
                db.cachedStatement(sql: "SELECT COUNT(*) FROM members WHERE roomID = ?"), arguments: [room.id]) ?? 0
        // The inner LIMIT keeps a huge backlog from making every room listing scan it.
        let unread =
            try Int.fetchOne(
                db.cachedStatement(
                    sql: """
                        SELECT COUNT(*) FROM (SELECT 1 FROM messages
                        WHERE roomID = ? AND sequence > ? AND sender != ? AND isDeleted = 0 LIMIT ?)
                        """),
                arguments: [room.id, member.readUpTo, member.user, Room.unreadCountLimit]) ?? 0
        let latest =
            try Int64.fetchOne(
                db.cachedStatement(sql: "SELECT MAX(sequence) FROM messages WHERE roomID = ?"), arguments: [room.id])
            ?? 0
        return Room(
            id: RoomID(room.id), kind: room.kind, name: room.displayName(for: member.user), memberCount: members,
            unreadCount: unread, latestSequence: latest)
    }

    static func now() -> Double { Date().timeIntervalSince1970 }
}
