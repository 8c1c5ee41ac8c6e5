/// The answer of `GET /sync`: what changed since `since`, and the `next_batch` token to ask from next.
public struct SyncResponse: Sendable, Hashable, Decodable {
    public var nextBatch: String
    public var rooms: Rooms
    public var presence: [ClientEvent]
    public var accountData: [ClientEvent]

    public struct Rooms: Sendable, Hashable, Decodable {
        public var join: [String: JoinedRoom] = [:]
        public var invite: [String: InvitedRoom] = [:]
        public var leave: [String: LeftRoom] = [:]

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            join = try container.decodeIfPresent([String: JoinedRoom].self, forKey: .join) ?? [:]
            invite = try container.decodeIfPresent([String: InvitedRoom].self, forKey: .invite) ?? [:]
            leave = try container.decodeIfPresent([String: LeftRoom].self, forKey: .leave) ?? [:]
        }

        init() {}

        enum CodingKeys: String, CodingKey { case join, invite, leave }
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        nextBatch = try container.decode(String.self, forKey: .nextBatch)
        rooms = try container.decodeIfPresent(Rooms.self, forKey: .rooms) ?? Rooms()
        presence = try container.decodeIfPresent(EventList.self, forKey: .presence)?.events ?? []
        accountData = try container.decodeIfPresent(EventList.self, forKey: .accountData)?.events ?? []
    }

    enum CodingKeys: String, CodingKey {
        case rooms, presence
        case nextBatch = "next_batch"
        case accountData = "account_data"
    }
}

/// A room the user is in: new timeline events, state, receipts and typing, its account data and counts.
public struct JoinedRoom: Sendable, Hashable, Decodable {
    public var timeline: Timeline
    public var state: [ClientEvent]
    public var ephemeral: [ClientEvent]
    public var accountData: [ClientEvent]
    public var unreadNotifications: UnreadCounts?

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        timeline = try container.decodeIfPresent(Timeline.self, forKey: .timeline) ?? Timeline()
        state = try container.decodeIfPresent(EventList.self, forKey: .state)?.events ?? []
        ephemeral = try container.decodeIfPresent(EventList.self, forKey: .ephemeral)?.events ?? []
        accountData = try container.decodeIfPresent(EventList.self, forKey: .accountData)?.events ?? []
        unreadNotifications = try container.decodeIfPresent(UnreadCounts.self, forKey: .unreadNotifications)
    }

    enum CodingKeys: String, CodingKey {
        case timeline, state, ephemeral
        case accountData = "account_data"
        case unreadNotifications = "unread_notifications"
    }
}

/// A room the user is invited to: the stripped state the inviter shared (name, members, ...).
public struct InvitedRoom: Sendable, Hashable, Decodable {
    public var inviteState: [ClientEvent]

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        inviteState = try container.decodeIfPresent(EventList.self, forKey: .inviteState)?.events ?? []
    }

    enum CodingKeys: String, CodingKey { case inviteState = "invite_state" }
}

/// A room the user left or was removed from, with the events up to leaving.
public struct LeftRoom: Sendable, Hashable, Decodable {
    public var timeline: Timeline
    public var state: [ClientEvent]

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        timeline = try container.decodeIfPresent(Timeline.self, forKey: .timeline) ?? Timeline()
        state = try container.decodeIfPresent(EventList.self, forKey: .state)?.events ?? []
    }

    enum CodingKeys: String, CodingKey { case timeline, state }
}

/// The newest events of a room; `limited` means there were more, reachable by paging back from `prevBatch`.
public struct Timeline: Sendable, Hashable, Decodable {
    public var events: [ClientEvent] = []
    public var limited = false
    public var prevBatch: String?

    init() {}

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        events = try container.decodeIfPresent([ClientEvent].self, forKey: .events) ?? []
        limited = try container.decodeIfPresent(Bool.self, forKey: .limited) ?? false
        prevBatch = try container.decodeIfPresent(String.self, forKey: .prevBatch)
    }

    enum CodingKeys: String, CodingKey {
        case events, limited
        case prevBatch = "prev_batch"
    }
}

/// Unread counts the server keeps per room (since the user's read receipt).
public struct UnreadCounts: Sendable, Hashable, Codable {
    public var notificationCount: Int?
    public var highlightCount: Int?

    enum CodingKeys: String, CodingKey {
        case notificationCount = "notification_count"
        case highlightCount = "highlight_count"
    }
}

/// `{"events": [...]}`, the wrapper the API puts around most event lists.
struct EventList: Decodable {
    var events: [ClientEvent]

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        events = try container.decodeIfPresent([ClientEvent].self, forKey: .events) ?? []
    }

    enum CodingKeys: String, CodingKey { case events }
}
