import GRDB
import ParleyContracts

/// What a client asks to be posted, once `InputRules` have passed it.
typealias Draft = OutgoingMessage

/// Posting, editing and deleting messages, and read markers.
extension MessageStore {
    /// Stores `draft` unless a message with its id is already stored; a retry of the same send gets the
    /// stored message back.
    func post(_ draft: Draft, by user: String) throws(MessagingError) -> ChatMessage {
        try write { db in try Self.post(db, draft, by: user) }
    }

    /// Stores several drafts in one transaction (the cost of a commit shared among them); each gets its own
    /// outcome, and a refused one changes nothing.
    func post(_ drafts: [Draft], by user: String) throws(MessagingError) -> [Result<ChatMessage, MessagingError>] {
        try write { db in
            // Membership cannot change while this transaction holds the write lock, so each room of the
            // batch is checked once, and its verdict given to every draft for it.
            var verdicts: [String: MessagingError?] = [:]
            return try drafts.map { draft in
                let room = draft.room.rawValue
                let refusal = try verdicts[room] ?? Self.membershipRefusal(db, room: room, user: user)
                verdicts[room] = refusal
                if let refusal { return .failure(refusal) }
                do {
                    return .success(try Self.store(db, draft, by: user))
                } catch let refusal as MessagingError {
                    return .failure(refusal)
                }
            }
        }
    }

    private static func post(_ db: Database, _ draft: Draft, by user: String) throws -> ChatMessage {
        _ = try membership(db, room: draft.room.rawValue, user: user)
        return try store(db, draft, by: user)
    }

    /// Why `user` may not post in `room`, or nil if they may.
    private static func membershipRefusal(_ db: Database, room: String, user: String) throws -> MessagingError? {
        do {
            _ = try membership(db, room: room, user: user)
            return nil
        } catch let refusal as MessagingError {
            return refusal
        }
    }

    /// Stores a draft whose sender is known to be a member of its room; a draft whose id is already stored
    /// gets the stored message back if it is the same sender's in the same room (a retry), and is refused
    /// otherwise.
    private static func store(_ db: Database, _ draft: Draft, by user: String) throws -> ChatMessage {
        // A genuine retry always passes this check too: messages are never removed, only tombstoned.
        if let replyTo = draft.replyTo {
            let original = try visibleMessage(db, id: replyTo, user: user)
            guard original.roomID == draft.room.rawValue else { throw MessagingError.unknownMessage(replyTo) }
        }
        var record = MessageRecord(
            id: draft.id.rawValue, roomID: draft.room.rawValue, sender: user, text: draft.text, sentAt: now(),
            isDeleted: false, replyTo: draft.replyTo?.rawValue,
            attachments: MessageRecord.encodeAttachments(draft.attachments))
        guard try record.insertUnlessStored(db) else {
            let stored = try MessageRecord.fetchOne(
                db.cachedStatement(sql: "SELECT * FROM messages WHERE id = ?"), arguments: [draft.id.rawValue])
            guard let stored, stored.sender == user, stored.roomID == draft.room.rawValue else {
                throw MessagingError.messageIDTaken(draft.id)
            }
            return stored.message
        }
        var change = ChangeRecord(kind: .posted, roomID: record.roomID, message: record.sequence)
        try change.insert(db)
        return record.message
    }

    func edit(_ id: MessageID, text: String, by user: String) throws(MessagingError) -> ChatMessage {
        try write { db in
            var record = try Self.ownMessage(db, id: id, user: user)
            guard !record.isDeleted else { throw MessagingError.messageDeleted(id) }
            guard record.text != text else { return try Self.withReactions(db, record.message) }
            record.text = text
            record.editedAt = Self.now()
            try record.updateContent(db)
            var change = ChangeRecord(kind: .edited, roomID: record.roomID, message: record.sequence)
            try change.insert(db)
            return try Self.withReactions(db, record.message)
        }
    }

    /// Leaves a tombstone: the row keeps its place (and replies to it keep their target), its content goes.
    func delete(_ id: MessageID, by user: String) throws(MessagingError) -> ChatMessage {
        try write { db in
            var record = try Self.ownMessage(db, id: id, user: user)
            guard !record.isDeleted else { return record.message }
            record.text = ""
            record.attachments = "[]"
            record.isDeleted = true
            try record.updateContent(db)
            var change = ChangeRecord(kind: .deleted, roomID: record.roomID, message: record.sequence)
            try change.insert(db)
            return record.message
        }
    }

    /// Moves the user's read marker forward to `id`, and with `sendsReceipt` their read receipt too; a marker
    /// or receipt already past it stays where it is.
    func markRead(
        _ roomID: RoomID, upTo id: MessageID, user: String, sendsReceipt: Bool = true
    ) throws(MessagingError) -> Room {
        try write { db in
            var (room, member) = try Self.membership(db, room: roomID.rawValue, user: user)
            let message = try Self.visibleMessage(db, id: id, user: user)
            guard message.roomID == room.id, let sequence = message.sequence else {
                throw MessagingError.unknownMessage(id)
            }
            if sequence > member.readUpTo {
                member.readUpTo = sequence
                try member.update(db)
                var change = ChangeRecord(kind: .read, roomID: room.id, user: user, message: sequence)
                try change.insert(db)
            }
            if sendsReceipt { try Self.moveReceipt(db, room: room.id, user: user, to: sequence) }
            return try Self.roomView(db, room: room, member: member)
        }
    }

    private static func ownMessage(_ db: Database, id: MessageID, user: String) throws -> MessageRecord {
        let record = try visibleMessage(db, id: id, user: user)
        guard record.sender == user else { throw MessagingError.notYourMessage(id) }
        return record
    }
}
