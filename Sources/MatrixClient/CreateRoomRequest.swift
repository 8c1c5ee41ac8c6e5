/// The body of `POST /createRoom`, with constructors for the three kinds of room Parley makes.
public struct CreateRoomRequest: Sendable, Hashable, Encodable {
    /// `public` lists the room in the server's directory; `private` does not.
    public var visibility: String?
    /// The local part of the alias to create, e.g. `general` for `#general:server`.
    public var aliasName: String?
    public var name: String?
    public var topic: String?
    /// `public_chat`, `private_chat` or `trusted_private_chat`.
    public var preset: String?
    public var invite: [String]?
    public var isDirect: Bool?
    /// State events the room starts with (e.g. `m.room.encryption`).
    public var initialState: [InitialStateEvent]?

    public init(
        visibility: String? = nil, aliasName: String? = nil, name: String? = nil, topic: String? = nil,
        preset: String? = nil, invite: [String]? = nil, isDirect: Bool? = nil,
        initialState: [InitialStateEvent]? = nil
    ) {
        self.visibility = visibility
        self.aliasName = aliasName
        self.name = name
        self.topic = topic
        self.preset = preset
        self.invite = invite
        self.isDirect = isDirect
        self.initialState = initialState
    }

    /// A room anyone can join by its alias `#aliasName:server`, listed in the directory.
    public static func publicRoom(aliasName: String, name: String? = nil, topic: String? = nil) -> Self {
        Self(visibility: "public", aliasName: aliasName, name: name, topic: topic, preset: "public_chat")
    }

    /// A room only invited users can join.
    public static func privateRoom(name: String? = nil, invite: [String] = []) -> Self {
        Self(visibility: "private", name: name, preset: "private_chat", invite: invite)
    }

    /// A direct conversation with `userID`, marked `is_direct` as other clients do.
    public static func direct(with userID: String) -> Self {
        Self(visibility: "private", preset: "trusted_private_chat", invite: [userID], isDirect: true)
    }

    enum CodingKeys: String, CodingKey {
        case visibility, name, topic, preset, invite
        case aliasName = "room_alias_name"
        case isDirect = "is_direct"
        case initialState = "initial_state"
    }
}

/// One state event of `CreateRoomRequest.initialState`.
public struct InitialStateEvent: Sendable, Hashable, Encodable {
    public var type: String
    public var stateKey: String
    public var content: JSONValue

    public init(type: String, stateKey: String = "", content: JSONValue) {
        self.type = type
        self.stateKey = stateKey
        self.content = content
    }

    enum CodingKeys: String, CodingKey {
        case type, content
        case stateKey = "state_key"
    }
}

/// The answer of `GET /directory/room/{alias}`.
public struct ResolvedAlias: Sendable, Hashable, Decodable {
    public var roomID: String
    public var servers: [String]

    enum CodingKeys: String, CodingKey {
        case servers
        case roomID = "room_id"
    }
}

/// One member of a room as `GET /rooms/{id}/joined_members` lists it.
public struct JoinedMember: Sendable, Hashable, Decodable {
    public var displayName: String?
    public var avatarURL: String?

    enum CodingKeys: String, CodingKey {
        case displayName = "display_name"
        case avatarURL = "avatar_url"
    }
}
