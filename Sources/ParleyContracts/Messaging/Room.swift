/// A room as one member sees it: a public room such as `#general`, or a direct conversation with one user.
public struct Room: Sendable, Hashable, Codable, Identifiable {
    /// Whether anyone may join, or the room is a conversation between exactly two users.
    public enum Kind: String, Sendable, Hashable, Codable {
        case publicRoom = "public"
        case direct
    }

    /// Unread counts stop at this number, so that listing rooms stays quick in a room with a huge backlog;
    /// views show it as "9999+".
    public static let unreadCountLimit = 9_999

    public var id: RoomID
    public var kind: Kind
    /// `#name` for a public room; for a direct conversation, the name of the other user.
    public var name: String
    public var memberCount: Int
    /// Messages from others after this member's read marker, not counting deleted ones.
    public var unreadCount: Int

    public init(id: RoomID, kind: Kind, name: String, memberCount: Int, unreadCount: Int) {
        self.id = id
        self.kind = kind
        self.name = name
        self.memberCount = memberCount
        self.unreadCount = unreadCount
    }
}
