/// Rooms: create, find by alias, join, leave, invite and list members.
extension MatrixClient {
    /// Creates a room and returns its id.
    public func createRoom(_ request: CreateRoomRequest) async throws -> String {
        struct Reply: Decodable {
            var roomID: String
            enum CodingKeys: String, CodingKey { case roomID = "room_id" }
        }
        let reply: Reply = try await call(Endpoint(.POST, Self.clientPath + "/createRoom"), body: request)
        return reply.roomID
    }

    /// The room an alias (`#name:server`) points to; `M_NOT_FOUND` as a `.server` error when none does.
    public func resolveAlias(_ alias: String) async throws -> ResolvedAlias {
        let path = Self.clientPath + "/directory/room/\(Self.segment(alias))"
        return try await call(Endpoint(.GET, path, name: "GET /directory/room/{alias}"))
    }

    /// Joins a room by id (`!id:server`) or alias (`#name:server`) and returns its id.
    public func join(_ roomIDOrAlias: String) async throws -> String {
        struct Reply: Decodable {
            var roomID: String
            enum CodingKeys: String, CodingKey { case roomID = "room_id" }
        }
        let path = Self.clientPath + "/join/\(Self.segment(roomIDOrAlias))"
        let reply: Reply = try await call(Endpoint(.POST, path, name: "POST /join/{roomIdOrAlias}"), body: EmptyJSON())
        return reply.roomID
    }

    /// Leaves a room.
    public func leave(_ roomID: String) async throws {
        let path = Self.clientPath + "/rooms/\(Self.segment(roomID))/leave"
        let _: EmptyJSON = try await call(Endpoint(.POST, path, name: "POST /rooms/{roomId}/leave"), body: EmptyJSON())
    }

    /// Invites a user into a room.
    public func invite(_ userID: String, to roomID: String) async throws {
        let path = Self.clientPath + "/rooms/\(Self.segment(roomID))/invite"
        let _: EmptyJSON = try await call(
            Endpoint(.POST, path, name: "POST /rooms/{roomId}/invite"), body: ["user_id": userID])
    }

    /// The room's joined members, by user id.
    public func joinedMembers(of roomID: String) async throws -> [String: JoinedMember] {
        struct Reply: Decodable { var joined: [String: JoinedMember] }
        let path = Self.clientPath + "/rooms/\(Self.segment(roomID))/joined_members"
        let reply: Reply = try await call(Endpoint(.GET, path, name: "GET /rooms/{roomId}/joined_members"))
        return reply.joined
    }
}
