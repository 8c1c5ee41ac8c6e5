/// Typed views of the event types Parley shows; each is nil for an event of another type or odd shape.
extension ClientEvent {
    public var message: RoomMessageContent? {
        type == "m.room.message" ? content.decode(as: RoomMessageContent.self) : nil
    }

    public var encrypted: EncryptedContent? {
        type == "m.room.encrypted" ? content.decode(as: EncryptedContent.self) : nil
    }

    public var member: MemberContent? {
        type == "m.room.member" ? content.decode(as: MemberContent.self) : nil
    }

    /// `m.room.name`'s name.
    public var roomName: String? { type == "m.room.name" ? content["name"]?.stringValue : nil }

    /// `m.room.topic`'s topic.
    public var roomTopic: String? { type == "m.room.topic" ? content["topic"]?.stringValue : nil }

    public var canonicalAlias: CanonicalAliasContent? {
        type == "m.room.canonical_alias" ? content.decode(as: CanonicalAliasContent.self) : nil
    }

    /// `m.room.encryption`'s algorithm: once a room has this state event, its messages are encrypted.
    public var encryptionAlgorithm: String? {
        type == "m.room.encryption" ? content["algorithm"]?.stringValue ?? "" : nil
    }

    /// For `m.room.redaction`: the event it removes (top level before room version 11, in content after).
    public var redacts: String? {
        guard type == "m.room.redaction" else { return nil }
        return content["redacts"]?.stringValue ?? topLevelRedacts
    }

    /// Whether a redaction emptied this event.
    public var isRedacted: Bool { unsigned?.redactedBecause != nil }

    /// The transaction id this event was sent with (given back to the sending device only).
    public var transactionID: String? { unsigned?.transactionID }
}
