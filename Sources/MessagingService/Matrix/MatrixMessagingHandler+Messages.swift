import Foundation
import MatrixClient
import ParleyContracts

/// Messages: sends with the message id as the transaction id, edits (`m.replace`), deletes (redactions),
/// history from the cache and, older than it, from the server, and read markers.
extension MatrixMessagingHandler {
    func send(_ draft: OutgoingMessage, reader: MatrixEventReader) async throws -> ChatMessage {
        let account = reader.account
        if let stored = try cache.message(id: draft.id, account: account) { return stored.message }
        guard let room = try cache.cachedRoom(draft.room, account: account) else {
            throw MessagingError.notAMember(draft.room)
        }
        // Never plaintext into an encrypted room.
        guard !room.isEncrypted else { throw MessagingError.encryptedRoom(room.name) }
        var content = RoomMessageContent.text(draft.text)
        if let attachment = draft.attachments.first {
            content = .file(
                msgtype: Self.msgtype(of: attachment.mediaType), name: attachment.name, uri: attachment.id,
                mimeType: attachment.mediaType, size: attachment.size)
            if !draft.text.isEmpty { content.body = draft.text }
        }
        if let replyTo = draft.replyTo, let target = try cache.message(id: replyTo, account: account) {
            content.relatesTo = Relation(inReplyTo: target.eventID)
        }
        let eventID = try await client.send(content, to: draft.room.rawValue, transactionID: draft.id.rawValue)
        // Further attachments go as messages of their own: a Matrix event carries one file.
        for (index, attachment) in draft.attachments.dropFirst().enumerated() {
            let more = RoomMessageContent.file(
                msgtype: Self.msgtype(of: attachment.mediaType), name: attachment.name, uri: attachment.id,
                mimeType: attachment.mediaType, size: attachment.size)
            _ = try await client.send(more, to: draft.room.rawValue, transactionID: "\(draft.id.rawValue)-\(index + 2)")
        }
        let message = ChatMessage(
            id: draft.id, room: draft.room, sender: reader.shownName(account), text: draft.text, sentAt: Date(),
            replyTo: draft.replyTo, attachments: Array(draft.attachments.prefix(1)), sequence: 0)
        return try cache.write { db in
            var cached = CachedMessage(eventID: eventID, message: message)
            // The sync loop may have stored the event first: then that is the message.
            if let stored = try MatrixCache.message(db, eventID: eventID, account: account) { return stored.message }
            cached.message.sequence = try MatrixCache.takeSequence(db, account: account)
            return try MatrixCache.insert(db, cached, account: account).0.message
        }
    }

    func edit(_ id: MessageID, text: String, reader: MatrixEventReader) async throws -> ChatMessage {
        let target = try ownMessage(id, reader: reader)
        _ = try await client.send(
            .edit(of: target.eventID, newBody: text), to: target.message.room.rawValue,
            transactionID: "edit-\(UUID().uuidString)")
        let account = reader.account
        return try cache.write { db in
            try MatrixCache.edit(db, eventID: target.eventID, text: text, at: Date(), account: account)?.message
                ?? target.message
        }
    }

    func delete(_ id: MessageID, reader: MatrixEventReader) async throws -> ChatMessage {
        let target = try ownMessage(id, reader: reader)
        try await client.redact(
            target.eventID, in: target.message.room.rawValue, transactionID: "delete-\(UUID().uuidString)")
        let account = reader.account
        return try cache.write { db in
            try MatrixCache.redact(db, eventID: target.eventID, account: account)?.message ?? target.message
        }
    }

    func markRead(
        _ room: RoomID, upTo id: MessageID, sendsReceipt: Bool, reader: MatrixEventReader
    ) async throws -> Room {
        guard let target = try cache.message(id: id, account: reader.account), target.message.room == room else {
            throw MessagingError.unknownMessage(id)
        }
        try await moveReadMarkers(in: room, upTo: target.eventID, sendsReceipt: sendsReceipt)
        try cache.setUnread(0, room: room, account: reader.account)
        return try self.room(room, reader: reader)
    }

    /// A page from the cache; when it runs out before the page is full, older events are fetched from the
    /// server from the room's back-pagination token (offline, the page is what the cache holds).
    func history(
        of room: RoomID, from cursor: HistoryCursor, limit: Int, reader: MatrixEventReader
    ) async throws -> HistoryPage {
        let account = reader.account
        guard try cache.cachedRoom(room, account: account) != nil else { throw MessagingError.notAMember(room) }
        let anchor: Int64?
        switch cursor {
        case .oldest:
            // The room's first messages: fetched back to its start while the server answers, then read
            // from the oldest end of the cache.
            while try await pageBack(room, reader: reader) {}
            let page = try cache.page(room: room, account: account, after: Int64.min, limit: limit)
            let reachedStart = try cache.cachedRoom(room, account: account)?.reachedStart ?? true
            return HistoryPage(room: room, messages: page.messages, hasOlder: !reachedStart, hasNewer: page.more)
        case .newest:
            anchor = nil
        case let .before(id), let .after(id):
            guard let message = try cache.message(id: id, account: account), message.message.room == room else {
                throw MessagingError.unknownMessage(id)
            }
            anchor = message.message.sequence
        }
        if case .after = cursor {
            let page = try cache.page(room: room, account: account, after: anchor, limit: limit)
            return HistoryPage(room: room, messages: page.messages, hasOlder: true, hasNewer: page.more)
        }
        var page = try cache.page(room: room, account: account, before: anchor, limit: limit)
        while page.messages.count < limit, !page.more, try await pageBack(room, reader: reader) {
            page = try cache.page(room: room, account: account, before: anchor, limit: limit)
        }
        let reachedStart = try cache.cachedRoom(room, account: account)?.reachedStart ?? true
        return HistoryPage(
            room: room, messages: page.messages, hasOlder: page.more || !reachedStart, hasNewer: anchor != nil)
    }

    /// Fetches one page of older events into the cache; false when there is nothing more to fetch (the room's
    /// start was reached, or the server is away).
    private func pageBack(_ room: RoomID, reader: MatrixEventReader) async throws -> Bool {
        let account = reader.account
        guard let cached = try cache.cachedRoom(room, account: account), !cached.reachedStart,
            let token = cached.backToken
        else { return false }
        let response: MessagesResponse
        do {
            response = try await client.messages(in: room.rawValue, from: token, limit: 100)
        } catch MatrixError.unreachable {
            return false
        }
        try cache.write { db in
            let low =
                try MatrixCache.sequenceRange(db, room: room.rawValue, account: account)?.lowerBound
                ?? MatrixCache.firstSyncedSequence
            var next = low
            // Newest first: each event numbered just below the one before.
            _ = try MatrixCache.applyTimeline(db, response.chunk, room: room.rawValue, reader: reader, live: false) {
                next -= 1
                return next
            }
            let end = response.chunk.isEmpty ? nil : response.end
            try db.execute(
                sql: "UPDATE rooms SET backToken = ?, reachedStart = ? WHERE account = ? AND id = ?",
                arguments: [end, end == nil, account, room.rawValue])
        }
        return true
    }

    private func ownMessage(_ id: MessageID, reader: MatrixEventReader) throws -> CachedMessage {
        guard let target = try cache.message(id: id, account: reader.account) else {
            throw MessagingError.unknownMessage(id)
        }
        guard target.message.sender == reader.shownName(reader.account) else { throw MessagingError.notYourMessage(id) }
        guard !target.message.isDeleted else { throw MessagingError.messageDeleted(id) }
        return target
    }

    static func msgtype(of mediaType: String) -> String {
        if mediaType.hasPrefix("image/") { return "m.image" }
        if mediaType.hasPrefix("audio/") { return "m.audio" }
        if mediaType.hasPrefix("video/") { return "m.video" }
        return "m.file"
    }

    /// The messaging service's sentence for what the homeserver answered.
    static func messagingError(_ error: MatrixError) -> MessagingError {
        switch error {
        case let .unknownToken(server): .sessionRefused(server: server)
        case let .unreachable(server, reason): .serverUnreachable("\(server): \(reason)")
        default: .serverRefused(error.description)
        }
    }
}
