import Foundation

/// One message in a room, as stored: its text exactly as sent (control characters included; views make
/// it safe to show), or a tombstone once its sender deleted it.
public struct ChatMessage: Sendable, Hashable, Codable, Identifiable {
    /// The largest text a message may carry, in UTF-8 bytes (64 KiB).
    public static let maximumTextBytes = 64 * 1024

    public var id: MessageID
    public var room: RoomID
    /// The sender's canonical (lower-case) user name.
    public var sender: String
    /// Empty once the message is deleted.
    public var text: String
    public var sentAt: Date
    /// When the sender last edited it; nil if never edited.
    public var editedAt: Date?
    /// True for a tombstone: the message was deleted by its sender and keeps only its place in the room.
    public var isDeleted: Bool
    /// The message this one answers, if any (in the same room).
    public var replyTo: MessageID?
    /// Empty once the message is deleted.
    public var attachments: [AttachmentReference]
    /// The message's place in the data directory's order of storing: later messages have larger numbers,
    /// so a view can merge live events into a page of history without comparing clocks.
    public var sequence: Int64
    /// Set for an event Parley cannot show as a message (an encrypted one, or a type it does not know): one
    /// line saying what it is, which views show dimmed in place of the text. Nil for every ordinary message.
    public var notice: String?
    /// The keys (emoji) members gave it, grouped, in the order first given; empty for most messages.
    public var reactions: [Reaction]

    public init(
        id: MessageID, room: RoomID, sender: String, text: String, sentAt: Date, editedAt: Date? = nil,
        isDeleted: Bool = false, replyTo: MessageID? = nil, attachments: [AttachmentReference] = [],
        sequence: Int64, notice: String? = nil, reactions: [Reaction] = []
    ) {
        self.id = id
        self.room = room
        self.sender = sender
        self.text = text
        self.sentAt = sentAt
        self.editedAt = editedAt
        self.isDeleted = isDeleted
        self.replyTo = replyTo
        self.attachments = attachments
        self.sequence = sequence
        self.notice = notice
        self.reactions = reactions
    }

    private enum CodingKeys: String, CodingKey {
        case id, room, sender, text, sentAt, editedAt, isDeleted, replyTo, attachments, sequence, notice, reactions
    }

    /// Decodes what `encode(to:)` wrote, and what Parley kept before reactions existed (without them).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(MessageID.self, forKey: .id)
        room = try container.decode(RoomID.self, forKey: .room)
        sender = try container.decode(String.self, forKey: .sender)
        text = try container.decode(String.self, forKey: .text)
        sentAt = try container.decode(Date.self, forKey: .sentAt)
        editedAt = try container.decodeIfPresent(Date.self, forKey: .editedAt)
        isDeleted = try container.decode(Bool.self, forKey: .isDeleted)
        replyTo = try container.decodeIfPresent(MessageID.self, forKey: .replyTo)
        attachments = try container.decode([AttachmentReference].self, forKey: .attachments)
        sequence = try container.decode(Int64.self, forKey: .sequence)
        notice = try container.decodeIfPresent(String.self, forKey: .notice)
        reactions = try container.decodeIfPresent([Reaction].self, forKey: .reactions) ?? []
    }
}
