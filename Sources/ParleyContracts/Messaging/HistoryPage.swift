/// A page of a room's messages, oldest first, with the cursors that fetch its neighbours.
public struct HistoryPage: Sendable, Hashable, Codable {
    public var room: RoomID
    /// Oldest first; deleted messages appear as tombstones in their place.
    public var messages: [ChatMessage]
    /// Whether the room holds messages older than the first of this page.
    public var hasOlder: Bool
    /// Whether the room holds messages newer than the last of this page.
    public var hasNewer: Bool
    /// How far the room's other members have read it, as far as the service knows when the page is taken: one
    /// receipt per member who sent any.
    public var receipts: [ReadReceipt]

    public init(
        room: RoomID, messages: [ChatMessage], hasOlder: Bool, hasNewer: Bool, receipts: [ReadReceipt] = []
    ) {
        self.room = room
        self.messages = messages
        self.hasOlder = hasOlder
        self.hasNewer = hasNewer
        self.receipts = receipts
    }

    private enum CodingKeys: String, CodingKey {
        case room, messages, hasOlder, hasNewer, receipts
    }

    /// Decodes what `encode(to:)` wrote, and pages kept before receipts existed (without them).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        room = try container.decode(RoomID.self, forKey: .room)
        messages = try container.decode([ChatMessage].self, forKey: .messages)
        hasOlder = try container.decode(Bool.self, forKey: .hasOlder)
        hasNewer = try container.decode(Bool.self, forKey: .hasNewer)
        receipts = try container.decodeIfPresent([ReadReceipt].self, forKey: .receipts) ?? []
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
