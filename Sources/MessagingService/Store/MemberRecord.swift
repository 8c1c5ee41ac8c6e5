import GRDB

/// A row of `members`: one user in one room, with their read marker (the `sequence` of the last message
/// they have read there; 0 before any).
struct MemberRecord: Equatable {
    var roomID: String
    var user: String
    var joinedAt: Double
    var readUpTo: Int64
}

extension MemberRecord: FetchableRecord, PersistableRecord {
    static let databaseTableName = "members"

    init(row: Row) {
        roomID = row["roomID"]
        user = row["user"]
        joinedAt = row["joinedAt"]
        readUpTo = row["readUpTo"]
    }

    func encode(to container: inout PersistenceContainer) {
        container["roomID"] = roomID
        container["user"] = user
        container["joinedAt"] = joinedAt
        container["readUpTo"] = readUpTo
    }
}
