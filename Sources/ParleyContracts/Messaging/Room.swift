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
    /// The `sequence` of the room's newest message when this view was taken (0 for an empty room): a live
    /// event for a message at or below it is already counted in `unreadCount`.
    public var latestSequence: Int64
    /// Whether the room's messages are end-to-end encrypted (a Matrix room with `m.room.encryption`), which
    /// Parley can neither read nor send into yet: the room list shows it with a lock.
    public var isEncrypted: Bool

    public init(
        id: RoomID, kind: Kind, name: String, memberCount: Int, unreadCount: Int, latestSequence: Int64 = 0,
        isEncrypted: Bool = false
    ) {
        self.id = id
        self.kind = kind
        self.name = name
        self.memberCount = memberCount
        self.unreadCount = unreadCount
        self.latestSequence = latestSequence
        self.isEncrypted = isEncrypted
    }

}
