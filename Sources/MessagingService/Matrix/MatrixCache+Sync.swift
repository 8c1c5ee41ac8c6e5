import Foundation
import GRDB
import MatrixClient
import ParleyContracts

/// What storing one sync answer changed: the events to publish once it is committed, and the direct
/// conversations the user was invited to (joined automatically).
struct SyncOutcome: Sendable {
    var events: [MessagingEvent] = []
    /// Room ids and who invited.
    var directInvites: [(room: String, inviter: String)] = []
}

extension MatrixCache {
    /// Stores one sync answer and its `next_batch` in one transaction, with the gaps its limited timelines
    /// left (fetched beforehand by `GapFiller`), each before its room's state and timeline.
    func apply(
        _ response: SyncResponse, gaps: [String: TimelineGap] = [:], reader: MatrixEventReader
    ) throws(MessagingError) -> SyncOutcome {
        let account = reader.account
        return try write { db in
            var outcome = SyncOutcome()
            for (roomID, room) in response.rooms.join {
                let isNew = try Self.cachedRoom(db, id: roomID, account: account) == nil
                try Self.upsertRoom(db, id: roomID, name: nil, kind: nil, account: account)
                if let token = room.timeline.prevBatch {
                    // Paging back starts where the first events the cache holds for the room began.
                    try db.execute(
                        sql: """
                            UPDATE rooms SET backToken = ? WHERE account = ? AND id = ? AND backToken IS NULL
                                AND reachedStart = 0
                                AND NOT EXISTS (SELECT 1 FROM messages WHERE account = ?2 AND roomID = ?3)
                            """, arguments: [token, account, roomID])
                }
                if let gap = gaps[roomID] {
                    outcome.events += try Self.applyGap(db, gap, room: roomID, reader: reader)
                }
                // A known room's state section carries changes too: with lazy-loaded members, a join often
                // comes there before (or instead of) the timeline, and the timeline's copy is then no change.
                // A new room's state is what it already was, told by the join of the room itself.
                for event in room.state {
                    if let change = try Self.apply(db, event, room: roomID, reader: reader, live: !isNew) {
                        outcome.events.append(change)
                    }
                }
                outcome.events += try Self.applyTimeline(
                    db, room.timeline.events, room: roomID, reader: reader, live: true
                ) { try Self.takeSequence(db, account: account) }
                if let unread = room.unreadNotifications?.notificationCount {
                    try db.execute(
                        sql: "UPDATE rooms SET unread = ? WHERE account = ? AND id = ?",
                        arguments: [unread, account, roomID])
                }
                if isNew { outcome.events.append(.memberJoined(room: RoomID(roomID), user: reader.shownName(account))) }
                // Typing is ephemeral: told, never stored. Receipts are kept, so the screen opens with them.
                for event in room.ephemeral where event.type == "m.typing" {
                    let users = event.content["user_ids"]?.arrayValue?.compactMap(\.stringValue) ?? []
                    outcome.events.append(.typing(room: RoomID(roomID), users: users.map(reader.shownName)))
                }
                for event in room.ephemeral where event.type == "m.receipt" {
                    outcome.events += try Self.applyReceipts(db, event, room: roomID, reader: reader)
                }
            }
            // After the rooms: `m.direct` may name a room this answer brought. The last one seen is kept, since
            // a room joined later is named in an earlier answer.
            for event in response.accountData where event.type == "m.direct" {
                let json = String(decoding: (try? JSONEncoder().encode(event.content)) ?? Data(), as: UTF8.self)
                try db.execute(sql: "UPDATE accounts SET directs = ? WHERE account = ?", arguments: [json, account])
            }
            if let directs = try Self.directs(db, account: account) {
                try Self.applyDirect(db, directs, account: account)
            }
            for roomID in response.rooms.leave.keys {
                guard try Self.cachedRoom(db, id: roomID, account: account) != nil else { continue }
                try Self.removeRoom(db, id: roomID, account: account)
                outcome.events.append(.memberLeft(room: RoomID(roomID), user: reader.shownName(account)))
            }
            for (roomID, invite) in response.rooms.invite {
                let mine = invite.inviteState.first { $0.type == "m.room.member" && $0.stateKey == account }
                if let mine, mine.member?.isDirect == true, let inviter = mine.sender {
                    outcome.directInvites.append((roomID, inviter))
                    // Known as direct before the join arrives, so the room is never listed under its id.
                    try Self.rememberDirect(db, room: roomID, with: inviter, account: account)
                }
            }
            try db.execute(
                sql: "UPDATE accounts SET since = ? WHERE account = ?", arguments: [response.nextBatch, account])
            return outcome
        }
    }

    /// Stores a run of timeline events: messages first, then the edits and redactions among them (which may
    /// name a message of the same run). `sequence` numbers each new message.
    static func applyTimeline(
        _ db: Database, _ events: [ClientEvent], room: String, reader: MatrixEventReader, live: Bool,
        sequence: () throws -> Int64
    ) throws -> [MessagingEvent] {
        var published: [MessagingEvent] = []
        var later: [ClientEvent] = []
        for event in events {
            switch reader.change(for: event, room: room) {
            case .message(var cached, let replyToEvent):
                guard try message(db, eventID: cached.eventID, account: reader.account) == nil else { continue }
                cached.message.sequence = try sequence()
                cached.message.replyTo = try replyToEvent.flatMap {
                    try messageID(db, eventID: $0, account: reader.account)
                }
                let (stored, isNew) = try insert(db, cached, account: reader.account)
                if isNew, live { published.append(.messagePosted(stored.message)) }
            case .edit, .redaction, .reaction:
                later.append(event)
            default:
                if let event = try apply(db, event, room: room, reader: reader, live: live) { published.append(event) }
            }
        }
        for event in later {
            switch reader.change(for: event, room: room) {
            case let .edit(target, text, date):
                guard let edited = try edit(db, eventID: target, text: text, at: date, account: reader.account) else {
                    continue
                }
                if live { published.append(.messageEdited(edited.message)) }
            case let .redaction(target):
                // A reaction taken back is a redaction of the reaction's own event.
                if let reacted = try removeReaction(db, eventID: target, account: reader.account) {
                    if live { published.append(try reactionsChanged(db, reacted, reader: reader)) }
                    continue
                }
                guard let tombstone = try redact(db, eventID: target, account: reader.account) else { continue }
                if live { published.append(.messageDeleted(tombstone.message)) }
            case let .reaction(eventID, target, key, sender):
                guard
                    let reacted = try addReaction(
                        db, eventID: eventID, target: target, key: key, sender: sender, room: room,
                        account: reader.account)
                else { continue }
                if live { published.append(try reactionsChanged(db, reacted, reader: reader)) }
            default:
                continue
            }
        }
        return published
    }

    /// Applies a state event (members, name, alias, encryption); returns the event to publish, if any.
    static func apply(
        _ db: Database, _ event: ClientEvent, room: String, reader: MatrixEventReader, live: Bool
    ) throws -> MessagingEvent? {
        let account = reader.account
        switch reader.change(for: event, room: room) {
        case let .membership(user, joined):
            let wasMember =
                try Bool.fetchOne(
                    db, sql: "SELECT 1 FROM members WHERE account = ? AND roomID = ? AND user = ?",
                    arguments: [account, room, user]) ?? false
            try setMember(db, room: room, user: user, joined: joined, account: account)
            guard live, wasMember != joined else { return nil }
            let name = reader.shownName(user)
            return joined ? .memberJoined(room: RoomID(room), user: name) : .memberLeft(room: RoomID(room), user: name)
        case let .name(name):
            // An alias names a public room better than its display name: keep that when there is one.
            try db.execute(
                sql: "UPDATE rooms SET name = ? WHERE account = ? AND id = ? AND alias IS NULL",
                arguments: [name, account, room])
        case let .alias(alias):
            try db.execute(
                sql: "UPDATE rooms SET alias = ?, name = ? WHERE account = ? AND id = ?",
                arguments: [alias, reader.shownAlias(alias), account, room])
        case .encryption:
            try db.execute(
                sql: "UPDATE rooms SET isEncrypted = 1 WHERE account = ? AND id = ?", arguments: [account, room])
        default:
            break
        }
        return nil
    }

    /// The last `m.direct` account data seen.
    static func directs(_ db: Database, account: String) throws -> JSONValue? {
        guard
            let json = try String.fetchOne(
                db, sql: "SELECT directs FROM accounts WHERE account = ?", arguments: [account])
        else { return nil }
        return try? JSONDecoder().decode(JSONValue.self, from: Data(json.utf8))
    }

    /// Adds `room` under `user` to the kept `m.direct` (the server's copy follows in a later answer).
    static func rememberDirect(_ db: Database, room: String, with user: String, account: String) throws {
        var directs = try directs(db, account: account)?.objectValue ?? [:]
        var rooms = directs[user]?.arrayValue ?? []
        guard !rooms.contains(.string(room)) else { return }
        rooms.append(.string(room))
        directs[user] = .array(rooms)
        let json = String(decoding: (try? JSONEncoder().encode(JSONValue.object(directs))) ?? Data(), as: UTF8.self)
        try db.execute(sql: "UPDATE accounts SET directs = ? WHERE account = ?", arguments: [json, account])
    }

    /// `m.direct` account data: which rooms are direct conversations, with whom.
    static func applyDirect(_ db: Database, _ content: JSONValue, account: String) throws {
        for (user, rooms) in content.objectValue ?? [:] {
            for case let .string(roomID) in rooms.arrayValue ?? [] {
                try db.execute(
                    sql: "UPDATE rooms SET kind = 'direct', directWith = ? WHERE account = ? AND id = ?",
                    arguments: [user, account, roomID])
            }
        }
    }
}
