import Foundation
import MatrixClient
import ParleyContracts

/// Rooms: `#name` is the public room with alias `#name:server`; a direct conversation is an `is_direct` room
/// listed in `m.direct`.
extension MatrixMessagingHandler {
    /// Makes `#name:server`. The app asks for it after joining found no such alias; when someone made it in
    /// between (`M_ROOM_IN_USE`), it is joined instead, so two people joining a new room at once meet in it.
    func createRoom(_ name: String, reader: MatrixEventReader) async throws -> Room {
        let aliasName = String(name.dropFirst())
        let roomID: String
        do {
            roomID = try await client.createRoom(.publicRoom(aliasName: aliasName, name: name))
        } catch let MatrixError.server(_, _, errcode, _) where errcode == "M_ROOM_IN_USE" {
            return try await joinRoom(name, reader: reader)
        }
        try cache.upsertRoom(id: roomID, name: name, kind: .publicRoom, account: reader.account)
        try await refreshMembers(of: roomID, reader: reader)
        return try room(RoomID(roomID), reader: reader)
    }

    /// Joins `#name:server`; an alias nobody made is `unknownRoom`, so the app creates it, as IRC does.
    func joinRoom(_ name: String, reader: MatrixEventReader) async throws -> Room {
        let alias = "\(name):\(Self.serverName(of: reader.account))"
        let roomID: String
        do {
            roomID = try await client.join(alias)
        } catch let MatrixError.server(_, status, errcode, _) where errcode == "M_NOT_FOUND" || status == 404 {
            throw MessagingError.unknownRoom(name)
        }
        try cache.upsertRoom(id: roomID, name: name, kind: .publicRoom, account: reader.account)
        try await refreshMembers(of: roomID, reader: reader)
        return try room(RoomID(roomID), reader: reader)
    }

    /// The direct conversation with `typed` (`bob` or `@bob:server`): the one `m.direct` names, else a new
    /// `is_direct` room with `bob` invited, added to `m.direct`.
    func openDirect(with typed: String, reader: MatrixEventReader) async throws -> Room {
        let other = try userID(for: typed, reader: reader)
        guard other != reader.account else { throw MessagingError.cannotMessageYourself }
        if let known = try cache.directRoom(with: other, account: reader.account) {
            return try room(known, reader: reader)
        }
        let listed = (try await client.accountData("m.direct"))?[other]?.arrayValue ?? []
        let joined = try rooms(reader).map(\.id.rawValue)
        let roomID: String
        if let existing = listed.compactMap(\.stringValue).first(where: { joined.contains($0) }) {
            roomID = existing
        } else {
            do {
                _ = try await client.displayName(of: other)
            } catch let MatrixError.server(_, status, _, _) where status == 404 {
                throw MessagingError.unknownUser(typed)
            }
            roomID = try await client.createRoom(.direct(with: other))
            try await Self.addDirect(roomID, with: other, client: client)
        }
        try cache.upsertRoom(id: roomID, name: nil, kind: .direct, directWith: other, account: reader.account)
        try await refreshMembers(of: roomID, reader: reader)
        return try room(RoomID(roomID), reader: reader)
    }

    /// Members by their shown names: from the server, or from the cache while it is away.
    func members(of room: RoomID, reader: MatrixEventReader) async throws -> [String] {
        guard try cache.cachedRoom(room, account: reader.account) != nil else { throw MessagingError.notAMember(room) }
        do {
            try await refreshMembers(of: room.rawValue, reader: reader)
        } catch MatrixError.unreachable {
            // Offline: the cache's members will do.
        }
        return try cache.members(of: room, account: reader.account).map(reader.shownName).sorted()
    }

    private func refreshMembers(of room: String, reader: MatrixEventReader) async throws {
        let joined = try await client.joinedMembers(of: room)
        let account = reader.account
        try cache.write { db in
            try db.execute(sql: "DELETE FROM members WHERE account = ? AND roomID = ?", arguments: [account, room])
            for user in joined.keys {
                try MatrixCache.setMember(db, room: room, user: user, joined: true, account: account)
            }
        }
    }

    /// `@bob:server` for `bob` (on the account's server) or as typed when it is a full id.
    func userID(for typed: String, reader: MatrixEventReader) throws(MessagingError) -> String {
        let trimmed = typed.trimmingCharacters(in: .whitespaces).lowercased()
        if trimmed.hasPrefix("@"), trimmed.contains(":") { return trimmed }
        let bare = trimmed.hasPrefix("@") ? String(trimmed.dropFirst()) : trimmed
        let allowed = Set("abcdefghijklmnopqrstuvwxyz0123456789._=-")
        guard !bare.isEmpty, bare.allSatisfy(allowed.contains) else { throw .invalidUserName(typed) }
        return "@\(bare):\(Self.serverName(of: reader.account))"
    }
}
