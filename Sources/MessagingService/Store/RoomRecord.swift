import GRDB
import ParleyContracts

/// A row of `rooms`. A public room's id is its name (`#general`); a direct conversation's id names both
/// users in sorted order (`dm:alice:bob`), so opening it from either side finds the same room.
struct RoomRecord: Equatable {
    var id: String
    var kind: Room.Kind
    /// `#name` for a public room; empty for a direct conversation, whose name depends on who looks.
    var name: String
    var createdAt: Double
    var createdBy: String
}

extension RoomRecord: FetchableRecord, PersistableRecord {
    static let databaseTableName = "rooms"

    init(row: Row) {
        id = row["id"]
        kind = Room.Kind(rawValue: row["kind"]) ?? .publicRoom
        name = row["name"]
        createdAt = row["createdAt"]
        createdBy = row["createdBy"]
    }

    func encode(to container: inout PersistenceContainer) {
        container["id"] = id
        container["kind"] = kind.rawValue
        container["name"] = name
        container["createdAt"] = createdAt
        container["createdBy"] = createdBy
    }
}

extension RoomRecord {
    static let directPrefix = "dm:"

    /// The id of the direct conversation between two users, the same whichever of them opens it.
    static func directID(_ first: String, _ second: String) -> String {
        directPrefix + [first, second].sorted().joined(separator: ":")
    }

    /// What `viewer` calls this room: its name, or the other user of a direct conversation.
    func displayName(for viewer: String) -> String {
        guard kind == .direct else { return name }
        let users = id.dropFirst(Self.directPrefix.count).split(separator: ":").map(String.init)
        return users.first { $0 != viewer } ?? viewer
    }
}
