/// Room events: send, redact, read markers, account data, filters, sync, history and search.
extension MatrixClient {
    /// Sends an event with the caller's transaction id and returns its event id.
    ///
    /// The server stores one event per (device, transaction id): sending the same id again, after a timeout
    /// or a restart, returns the first event's id instead of making a second event.
    public func send(
        _ content: JSONValue, type: String = "m.room.message", to roomID: String, transactionID: String
    ) async throws -> String {
        let path =
            Self.clientPath
            + "/rooms/\(Self.segment(roomID))/send/\(Self.segment(type))/\(Self.segment(transactionID))"
        let reply: EventIDReply = try await call(
            Endpoint(.PUT, path, name: "PUT /rooms/{roomId}/send/{eventType}/{txnId}"), body: content)
        return reply.eventID
    }

    /// Sends an `m.room.message` (text, edit, reply or file) with the caller's transaction id.
    public func send(_ message: RoomMessageContent, to roomID: String, transactionID: String) async throws -> String {
        try await send(try JSONValue(encoding: message), to: roomID, transactionID: transactionID)
    }

    /// Redacts (deletes) an event, with the caller's transaction id; returns the redaction's event id.
    @discardableResult
    public func redact(
        _ eventID: String, in roomID: String, reason: String? = nil, transactionID: String
    ) async throws -> String {
        let path =
            Self.clientPath
            + "/rooms/\(Self.segment(roomID))/redact/\(Self.segment(eventID))/\(Self.segment(transactionID))"
        let body: [String: String] = reason.map { ["reason": $0] } ?? [:]
        let reply: EventIDReply = try await call(
            Endpoint(.PUT, path, name: "PUT /rooms/{roomId}/redact/{eventId}/{txnId}"), body: body)
        return reply.eventID
    }

    /// Moves the fully-read marker and the read receipt of a room to `eventID`.
    public func setReadMarkers(in roomID: String, fullyRead eventID: String, read: String? = nil) async throws {
        let path = Self.clientPath + "/rooms/\(Self.segment(roomID))/read_markers"
        let body = ["m.fully_read": eventID, "m.read": read ?? eventID]
        let _: EmptyJSON = try await call(Endpoint(.POST, path, name: "POST /rooms/{roomId}/read_markers"), body: body)
    }

    /// The signed-in user's global account data of `type` (e.g. `m.direct`), or nil when none is set.
    public func accountData(_ type: String) async throws -> JSONValue? {
        let userID = try signedInUserID("GET /user/{userId}/account_data/{type}")
        let path = Self.clientPath + "/user/\(Self.segment(userID))/account_data/\(Self.segment(type))"
        let endpoint = Endpoint(.GET, path, name: "GET /user/{userId}/account_data/{type}")
        let reply = try await perform(endpoint)
        // None set yet is an ordinary answer, not an error for the debug panel.
        if reply.status == 404, error(from: reply, for: endpoint).errcode == "M_NOT_FOUND" { return nil }
        return try decodeSuccess(reply, for: endpoint)
    }

    /// Sets the signed-in user's global account data of `type`.
    public func setAccountData(_ type: String, to content: JSONValue) async throws {
        let userID = try signedInUserID("PUT /user/{userId}/account_data/{type}")
        let path = Self.clientPath + "/user/\(Self.segment(userID))/account_data/\(Self.segment(type))"
        let _: EmptyJSON = try await call(
            Endpoint(.PUT, path, name: "PUT /user/{userId}/account_data/{type}"), body: content)
    }

    /// Stores a filter on the server and returns its id, to pass to `sync(filter:)`.
    public func uploadFilter(_ filter: Filter) async throws -> String {
        struct Reply: Decodable {
            var filterID: String
            enum CodingKeys: String, CodingKey { case filterID = "filter_id" }
        }
        let userID = try signedInUserID("POST /user/{userId}/filter")
        let path = Self.clientPath + "/user/\(Self.segment(userID))/filter"
        let reply: Reply = try await call(Endpoint(.POST, path, name: "POST /user/{userId}/filter"), body: filter)
        return reply.filterID
    }

    /// One `/sync`: what changed since `since` (everything when nil), waiting up to `timeout` for news.
    ///
    /// `filter` is a filter id from `uploadFilter` (or inline filter JSON).
    public func sync(
        filter: String? = nil, since: String? = nil, timeout: Duration = .zero, fullState: Bool = false
    ) async throws -> SyncResponse {
        var query: [(String, String)] = [("timeout", String(timeout.milliseconds))]
        if let filter { query.append(("filter", filter)) }
        if let since { query.append(("since", since)) }
        if fullState { query.append(("full_state", "true")) }
        // A long poll's time is the server's wait, not its speed: it stays out of the latency figures.
        let endpoint = Endpoint(
            .GET, Self.clientPath + "/sync", query: query, name: "GET /sync", measured: timeout == .zero)
        return try await call(endpoint, timeout: timeout + requestTimeout)
    }

    /// A page of a room's events from `from` (a `prev_batch`/`end` token; nil = the newest end).
    public func messages(
        in roomID: String, from: String? = nil, direction: PagingDirection = .backward, limit: Int = 50,
        filter: String? = nil
    ) async throws -> MessagesResponse {
        var query: [(String, String)] = [("dir", direction.rawValue), ("limit", String(limit))]
        if let from { query.append(("from", from)) }
        if let filter { query.append(("filter", filter)) }
        let path = Self.clientPath + "/rooms/\(Self.segment(roomID))/messages"
        return try await call(Endpoint(.GET, path, query: query, name: "GET /rooms/{roomId}/messages"))
    }

    /// The server's full-text search over the rooms the user is in (or only `rooms`), newest first.
    public func search(_ term: String, rooms: [String]? = nil, nextBatch: String? = nil) async throws -> SearchResponse
    {
        let filter: JSONValue = rooms.map { .object(["rooms": .array($0.map(JSONValue.string))]) } ?? [:]
        let body: JSONValue = [
            "search_categories": [
                "room_events": ["search_term": .string(term), "order_by": "recent", "filter": filter]
            ]
        ]
        let query = nextBatch.map { [("next_batch", $0)] } ?? []
        return try await call(Endpoint(.POST, Self.clientPath + "/search", query: query), body: body)
    }
}

struct EventIDReply: Decodable {
    var eventID: String
    enum CodingKeys: String, CodingKey { case eventID = "event_id" }
}

extension Duration {
    /// Whole milliseconds, as the API's timeouts are given.
    var milliseconds: Int64 {
        let (seconds, attoseconds) = components
        return seconds * 1000 + attoseconds / 1_000_000_000_000_000
    }
}
