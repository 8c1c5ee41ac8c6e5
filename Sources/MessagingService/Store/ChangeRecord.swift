import GRDB

/// A row of `changes`: the log every write appends to, in the same transaction. Its rowid grows with every
/// commit from any process, so a service that remembers the last one it has seen finds what others wrote
/// by reading the rows after it.
struct ChangeRecord: Equatable {
    enum Kind: String {
        case posted, edited, deleted, joined, left, read
        /// A reaction given to the message or taken back.
        case reacted
        /// The user started or stopped typing in the room.
        case typing
        /// The user's read receipt moved forward to the message.
        case receipt
    }

    var sequence: Int64?
    var kind: Kind
    var roomID: String
    /// Who joined, left, or moved their read marker or receipt.
    var user: String?
    /// The `sequence` of the message posted, edited, deleted, reacted to or read up to.
    var message: Int64?
}

extension ChangeRecord {
    static let databaseTableName = "changes"

    /// Appends the change to the log. Every post appends one, so this is a cached statement written out
    /// rather than GRDB's generic record insert, which rebuilds its statement's column list on every call
    /// and cost more than the insert itself.
    mutating func insert(_ db: Database) throws {
        try db.cachedStatement(sql: "INSERT INTO changes (kind, roomID, user, message) VALUES (?, ?, ?, ?)")
            .execute(arguments: [kind.rawValue, roomID, user, message])
        sequence = db.lastInsertedRowID
    }
}
