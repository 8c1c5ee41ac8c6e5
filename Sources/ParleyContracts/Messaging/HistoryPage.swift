/// A page of a room's messages, oldest first, with the cursors that fetch its neighbours.
public struct HistoryPage: Sendable, Hashable, Codable {
    public var room: RoomID
    /// Oldest first; deleted messages appear as tombstones in their place.
    public var messages: [ChatMessage]
    /// Whether the room holds messages older than the first of this page.
    public var hasOlder: Bool
    /// Whether the room holds messages newer than the last of this page.
    public var hasNewer: Bool

    public init(room: RoomID, messages: [ChatMessage], hasOlder: Bool, hasNewer: Bool) {
        self.room = room
        self.messages = messages
        self.hasOlder = hasOlder
        self.hasNewer = hasNewer
    }

    /// The cursor for the page before this one, or nil at the start of the room.
    public var olderCursor: HistoryCursor? {
        guard hasOlder, let first = messages.first else { return nil }
        return .before(first.id)
    }

    /// The cursor for the page after this one, or nil at the newest message.
    public var newerCursor: HistoryCursor? {
        guard hasNewer, let last = messages.last else { return nil }
        return .after(last.id)
    }
}
