import Foundation
import GRDB
import MatrixClient
import ParleyContracts

/// `/react` and `/unreact` on a homeserver: an `m.reaction` event with an `m.annotation` relation to the
/// message, as every Matrix client sends it, and its redaction to take it back.
extension MatrixMessagingHandler {
    func react(to id: MessageID, key: String, reader: MatrixEventReader) async throws -> ChatMessage {
        let account = reader.account
        let target = try reactable(id, reader: reader)
        let given = try cache.read { db in
            try MatrixCache.reactions(db, target: target.eventID, account: account, shownName: { $0 })
        }
        // Giving the same key twice changes nothing, as on the local backend (and as Matrix clients do).
        if given.contains(where: { $0.key == key && $0.users.contains(account) }) {
            return try withReactions(target, reader: reader)
        }
        let content = JSONValue.object([
            "m.relates_to": .object([
                "rel_type": .string("m.annotation"), "event_id": .string(target.eventID), "key": .string(key),
            ])
        ])
        let room = target.message.room.rawValue
        let eventID = try await client.send(
            content, type: "m.reaction", to: room, transactionID: "react-\(UUID().uuidString)")
        return try cache.write { db in
            _ = try MatrixCache.addReaction(
                db, eventID: eventID, target: target.eventID, key: key, sender: account, room: room, account: account)
            return try MatrixCache.withReactions(db, target, account: account, shownName: reader.shownName)
        }
    }

    func unreact(to id: MessageID, reader: MatrixEventReader) async throws -> ChatMessage {
        let account = reader.account
        let target = try reactable(id, reader: reader)
        let mine = try cache.read { db in
            try MatrixCache.reactionEvents(db, target: target.eventID, sender: account, account: account)
        }
        for eventID in mine {
            try await client.redact(
                eventID, in: target.message.room.rawValue, transactionID: "unreact-\(UUID().uuidString)")
            _ = try cache.write { db in try MatrixCache.removeReaction(db, eventID: eventID, account: account) }
        }
        return try withReactions(target, reader: reader)
    }

    private func reactable(_ id: MessageID, reader: MatrixEventReader) throws -> CachedMessage {
        guard let target = try cache.message(id: id, account: reader.account) else {
            throw MessagingError.unknownMessage(id)
        }
        guard !target.message.isDeleted else { throw MessagingError.messageDeleted(id) }
        return target
    }

    private func withReactions(_ target: CachedMessage, reader: MatrixEventReader) throws -> ChatMessage {
        try cache.read { db in
            try MatrixCache.withReactions(db, target, account: reader.account, shownName: reader.shownName)
        }
    }
}
