/// A sync filter (the parts Parley uses): lazy-loaded members and a bounded timeline per room.
public struct Filter: Sendable, Hashable, Codable {
    public var room: RoomFilter
    public var presence: EventFilter?
    public var accountData: EventFilter?

    public init(room: RoomFilter, presence: EventFilter? = nil, accountData: EventFilter? = nil) {
        self.room = room
        self.presence = presence
        self.accountData = accountData
    }

    /// The filter a client syncs with: members loaded only for senders it sees, `timelineLimit` events per
    /// room at most in each answer (the rest is reached by paging back).
    public static func standard(timelineLimit: Int = 50) -> Self {
        Self(
            room: RoomFilter(
                state: RoomEventFilter(lazyLoadMembers: true),
                timeline: RoomEventFilter(limit: timelineLimit, lazyLoadMembers: true)))
    }

    public struct RoomFilter: Sendable, Hashable, Codable {
        public var state: RoomEventFilter?
        public var timeline: RoomEventFilter?
        public var rooms: [String]?

        public init(state: RoomEventFilter? = nil, timeline: RoomEventFilter? = nil, rooms: [String]? = nil) {
            self.state = state
            self.timeline = timeline
            self.rooms = rooms
        }
    }

    public struct RoomEventFilter: Sendable, Hashable, Codable {
        public var limit: Int?
        public var lazyLoadMembers: Bool?
        public var types: [String]?

        public init(limit: Int? = nil, lazyLoadMembers: Bool? = nil, types: [String]? = nil) {
            self.limit = limit
            self.lazyLoadMembers = lazyLoadMembers
            self.types = types
        }

        enum CodingKeys: String, CodingKey {
            case limit, types
            case lazyLoadMembers = "lazy_load_members"
        }
    }

    public struct EventFilter: Sendable, Hashable, Codable {
        public var limit: Int?
        public var types: [String]?

        public init(limit: Int? = nil, types: [String]? = nil) {
            self.limit = limit
            self.types = types
        }
    }

    enum CodingKeys: String, CodingKey {
        case room, presence
        case accountData = "account_data"
    }
}
