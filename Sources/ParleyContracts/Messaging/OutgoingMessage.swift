/// A message a client asks to have stored, named by an id the client made (so that a retry is stored once).
public struct OutgoingMessage: Sendable, Hashable, Codable {
    public var room: RoomID
    public var id: MessageID
    /// Stored exactly as given; it may be empty only when the message carries attachments.
    public var text: String
    public var replyTo: MessageID?
    public var attachments: [AttachmentReference]

    public init(
        room: RoomID, id: MessageID, text: String, replyTo: MessageID? = nil, attachments: [AttachmentReference] = []
    ) {
        self.room = room
        self.id = id
        self.text = text
        self.replyTo = replyTo
        self.attachments = attachments
    }
}
