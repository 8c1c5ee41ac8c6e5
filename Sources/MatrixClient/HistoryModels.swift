/// The answer of `GET /rooms/{id}/messages`: a page of events and the token to go on from.
public struct MessagesResponse: Sendable, Hashable, Decodable {
    /// In the direction asked: newest first when paging back (`dir=b`).
    public var chunk: [ClientEvent]
    public var start: String
    /// Absent when there is nothing further in that direction (the room's first event was reached).
    public var end: String?
    public var state: [ClientEvent]

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        chunk = try container.decodeIfPresent([ClientEvent].self, forKey: .chunk) ?? []
        start = try container.decode(String.self, forKey: .start)
        end = try container.decodeIfPresent(String.self, forKey: .end)
        state = try container.decodeIfPresent([ClientEvent].self, forKey: .state) ?? []
    }

    enum CodingKeys: String, CodingKey { case chunk, start, end, state }
}

/// Which way `/messages` pages.
public enum PagingDirection: String, Sendable {
    case backward = "b"
    case forward = "f"
}

/// The room-events part of the answer of `POST /search`.
public struct SearchResponse: Sendable, Hashable, Decodable {
    public var results: [SearchResult]
    public var count: Int?
    /// Pass back to `search(..., nextBatch:)` for more results.
    public var nextBatch: String?

    public struct SearchResult: Sendable, Hashable, Decodable {
        public var rank: Double?
        public var event: ClientEvent

        enum CodingKeys: String, CodingKey {
            case rank
            case event = "result"
        }
    }

    public init(from decoder: any Decoder) throws {
        let root = try decoder.container(keyedBy: RootKeys.self)
        let categories = try root.nestedContainer(keyedBy: RootKeys.self, forKey: .searchCategories)
        let roomEvents = try categories.nestedContainer(keyedBy: RoomEventKeys.self, forKey: .roomEvents)
        results = try roomEvents.decodeIfPresent([SearchResult].self, forKey: .results) ?? []
        count = try roomEvents.decodeIfPresent(Int.self, forKey: .count)
        nextBatch = try roomEvents.decodeIfPresent(String.self, forKey: .nextBatch)
    }

    enum RootKeys: String, CodingKey {
        case searchCategories = "search_categories"
        case roomEvents = "room_events"
    }

    enum RoomEventKeys: String, CodingKey {
        case results, count
        case nextBatch = "next_batch"
    }
}
