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

    public init(
        id: MessageID, room: RoomID, sender: String, text: String, sentAt: Date, editedAt: Date? = nil,
        isDeleted: Bool = false, replyTo: MessageID? = nil, attachments: [AttachmentReference] = [],
        sequence: Int64, notice: String? = nil
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
    }
}
