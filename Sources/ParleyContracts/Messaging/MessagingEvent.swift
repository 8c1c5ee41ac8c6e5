/// What happened in the rooms of the users this service instance serves, whichever process on the data
/// directory did it. Events start for a user with their first request (usually `hello`).
public enum MessagingEvent: Sendable, Hashable {
    case messagePosted(ChatMessage)
    /// Carries the message with its new text and `editedAt`.
    case messageEdited(ChatMessage)
    /// Carries the tombstone.
    case messageDeleted(ChatMessage)
    case memberJoined(room: RoomID, user: String)
    case memberLeft(room: RoomID, user: String)
    /// The reactions of a message changed: someone gave or took one back. Carries all of them.
    case reactionsChanged(room: RoomID, message: MessageID, reactions: [Reaction])
    /// Who is typing in a room now (the whole list, the caller's own user among them if they are).
    case typing(room: RoomID, users: [String])
    /// A user's read marker moved; sent only to that user's own instances.
    case readMarkerMoved(room: RoomID, user: String, upTo: MessageID)
    /// A member of the room read further (their receipt moved forward); sent to every member's instances.
    case receiptMoved(room: RoomID, receipt: ReadReceipt)

    /// The room the event happened in.
    public var room: RoomID {
        switch self {
        case let .messagePosted(message), let .messageEdited(message), let .messageDeleted(message): message.room
        case let .memberJoined(room, _), let .memberLeft(room, _), let .readMarkerMoved(room, _, _),
            let .reactionsChanged(room, _, _), let .typing(room, _), let .receiptMoved(room, _):
            room
        }
    }
}
