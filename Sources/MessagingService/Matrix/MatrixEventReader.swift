import Foundation
import MatrixClient
import ParleyContracts

/// What one timeline event means for the cache: a message to store, a change to one already stored, a
/// member coming or going, a room's state, or nothing.
enum TimelineChange: Sendable, Equatable {
    /// A message, or an encrypted or unknown event shown as a dimmed notice. `replyToEvent` is resolved to
    /// the target's Parley id when it is stored.
    case message(CachedMessage, replyToEvent: String?)
    case edit(target: String, text: String, at: Date)
    case redaction(target: String)
    /// An `m.reaction`: `sender` annotated the event `target` with `key`.
    case reaction(eventID: String, target: String, key: String, sender: String)
    case membership(user: String, joined: Bool)
    case name(String)
    case alias(String)
    case encryption
    case ignored
}

/// Reads Matrix events as Parley sees them. Nothing from an event reaches the screen as raw JSON: unknown
/// events become one line naming their type, and views make any control character in text visible.
struct MatrixEventReader: Sendable {
    static let encryptedNotice = "encrypted message (Parley cannot read these yet)"

    /// The signed-in user's id (`@ann:server`): users of its server are shown by their localpart.
    let account: String

    func change(for event: ClientEvent, room: String) -> TimelineChange {
        if event.stateKey != nil { return stateChange(event) }
        if let target = event.redacts { return .redaction(target: target) }
        guard let eventID = event.eventID else { return .ignored }
        let sentAt = Date(timeIntervalSince1970: Double(event.originServerTimestamp ?? 0) / 1000)
        let sender = shownName(event.sender ?? "")
        // The sending device is told the transaction id it sent with: that is the Parley id its outbox used.
        let id = MessageID(event.transactionID ?? eventID)
        func message(text: String, notice: String?, attachments: [AttachmentReference] = [], replyTo: String? = nil)
            -> TimelineChange
        {
            let message = ChatMessage(
                id: id, room: RoomID(room), sender: sender, text: text, sentAt: sentAt, isDeleted: event.isRedacted,
                attachments: event.isRedacted ? [] : attachments, sequence: 0, notice: event.isRedacted ? nil : notice)
            return .message(CachedMessage(eventID: eventID, message: message), replyToEvent: replyTo)
        }
        if event.type == "m.reaction" { return reaction(event, eventID: eventID) }
        if event.isRedacted { return message(text: "", notice: nil) }
        switch event.type {
        case "m.room.message":
            guard let content = event.message else { return message(text: "", notice: "a message Parley cannot read") }
            if let target = content.relatesTo?.replacedEventID {
                return .edit(target: target, text: content.newContent?.body ?? content.body, at: sentAt)
            }
            let replyTo = content.relatesTo?.inReplyTo?.eventID
            let text = replyTo == nil ? content.body : Self.withoutReplyFallback(content.body)
            if let url = content.url, ["m.file", "m.image", "m.audio", "m.video"].contains(content.msgtype) {
                // The name the sender gave (`filename`, else `body`); a nameless file goes by its media id.
                let name =
                    [content.filename, content.body].compactMap { $0 }.first { !$0.isEmpty }
                    ?? MediaURI(url)?.mediaID ?? url
                let attachment = AttachmentReference(
                    id: url, name: name, size: content.info?.size ?? 0,
                    mediaType: content.info?.mimeType ?? "application/octet-stream")
                // The body is a caption only when a file name is given beside it.
                let caption = content.filename != nil && content.body != content.filename ? text : ""
                return message(text: caption, notice: nil, attachments: [attachment], replyTo: replyTo)
            }
            return message(text: text, notice: nil, replyTo: replyTo)
        case "m.room.encrypted":
            return message(text: "", notice: Self.encryptedNotice)
        default:
            return message(text: "", notice: "\(event.type) event (Parley cannot show these yet)")
        }
    }

    /// A reaction Parley can count: an annotation of an event with a key. A redacted one, or one of another
    /// shape, is nothing to show.
    private func reaction(_ event: ClientEvent, eventID: String) -> TimelineChange {
        let relation = event.content["m.relates_to"]
        guard !event.isRedacted, relation?["rel_type"]?.stringValue == "m.annotation",
            let target = relation?["event_id"]?.stringValue, let key = relation?["key"]?.stringValue, !key.isEmpty,
            let sender = event.sender
        else { return .ignored }
        return .reaction(eventID: eventID, target: target, key: key, sender: sender)
    }

    private func stateChange(_ event: ClientEvent) -> TimelineChange {
        if let member = event.member, let user = event.stateKey {
            return .membership(user: user, joined: member.membership == "join")
        }
        if let name = event.roomName, !name.isEmpty { return .name(name) }
        if let alias = event.canonicalAlias?.alias { return .alias(alias) }
        if event.encryptionAlgorithm != nil { return .encryption }
        return .ignored
    }

    /// The localpart for users of the account's server, the whole id for others.
    func shownName(_ userID: String) -> String {
        let own = account.split(separator: ":", maxSplits: 1).last
        let parts = userID.split(separator: ":", maxSplits: 1)
        guard userID.hasPrefix("@"), parts.count == 2, parts[1] == own else { return userID }
        return String(parts[0].dropFirst()).lowercased()
    }

    /// `#general` for `#general:server` on the account's server, the whole alias for others.
    func shownAlias(_ alias: String) -> String {
        let own = account.split(separator: ":", maxSplits: 1).last
        let parts = alias.split(separator: ":", maxSplits: 1)
        guard parts.count == 2, parts[1] == own else { return alias }
        return String(parts[0])
    }

    /// Older clients quote the message replied to at the top of a reply (`> <@bob:server> text`, then a
    /// blank line); Parley shows the reply's own text with a marker instead.
    static func withoutReplyFallback(_ body: String) -> String {
        let lines = body.split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.first?.hasPrefix("> ") == true else { return body }
        let rest = lines.drop { $0.hasPrefix(">") }.drop { $0.isEmpty }
        return rest.joined(separator: "\n")
    }
}
