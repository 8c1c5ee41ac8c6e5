/// One event as the client-server API delivers it: in a sync timeline, in state, in `/messages`, in
/// search results, and (with fewer fields) as presence, account data, ephemeral or stripped invite state.
///
/// The content is kept as a `JSONValue`; the typed accessors in `ClientEvent+Content.swift` read the
/// shapes Parley shows. An event of a type nobody knows still decodes.
public struct ClientEvent: Sendable, Hashable, Codable {
    public var type: String
    public var content: JSONValue
    public var sender: String?
    public var eventID: String?
    public var originServerTimestamp: Int64?
    public var stateKey: String?
    /// For `m.room.redaction` in room versions before 11 (later ones put it in the content).
    public var topLevelRedacts: String?
    public var unsigned: UnsignedData?
    /// Set on events from `/sync` and `/messages` only when the server gives it (search results).
    public var roomID: String?

    public init(
        type: String, content: JSONValue, sender: String? = nil, eventID: String? = nil,
        originServerTimestamp: Int64? = nil, stateKey: String? = nil, unsigned: UnsignedData? = nil,
        roomID: String? = nil
    ) {
        self.type = type
        self.content = content
        self.sender = sender
        self.eventID = eventID
        self.originServerTimestamp = originServerTimestamp
        self.stateKey = stateKey
        self.unsigned = unsigned
        self.roomID = roomID
    }

    enum CodingKeys: String, CodingKey {
        case type, content, sender, unsigned
        case eventID = "event_id"
        case originServerTimestamp = "origin_server_ts"
        case stateKey = "state_key"
        case topLevelRedacts = "redacts"
        case roomID = "room_id"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        type = try container.decode(String.self, forKey: .type)
        // A redacted or odd event may have no content at all; it is still an event of its type.
        content = try container.decodeIfPresent(JSONValue.self, forKey: .content) ?? .object([:])
        sender = try container.decodeIfPresent(String.self, forKey: .sender)
        eventID = try container.decodeIfPresent(String.self, forKey: .eventID)
        originServerTimestamp = try container.decodeIfPresent(Int64.self, forKey: .originServerTimestamp)
        stateKey = try container.decodeIfPresent(String.self, forKey: .stateKey)
        topLevelRedacts = try container.decodeIfPresent(String.self, forKey: .topLevelRedacts)
        unsigned = try? container.decodeIfPresent(UnsignedData.self, forKey: .unsigned)
        roomID = try container.decodeIfPresent(String.self, forKey: .roomID)
    }
}

/// The server's notes about an event that are not part of it: its age, the transaction id it was sent with
/// (only to the sender's own device), and the redaction that emptied it.
public struct UnsignedData: Sendable, Hashable, Codable {
    public var age: Int64?
    public var transactionID: String?
    public var redactedBecause: RedactionSummary?
    public var previousContent: JSONValue?

    enum CodingKeys: String, CodingKey {
        case age
        case transactionID = "transaction_id"
        case redactedBecause = "redacted_because"
        case previousContent = "prev_content"
    }
}

/// Who removed an event, when and why (the `redacted_because` event, reduced to what is shown).
public struct RedactionSummary: Sendable, Hashable, Codable {
    public var sender: String?
    public var eventID: String?
    public var originServerTimestamp: Int64?
    public var content: JSONValue?

    public var reason: String? { content?["reason"]?.stringValue }

    enum CodingKeys: String, CodingKey {
        case sender, content
        case eventID = "event_id"
        case originServerTimestamp = "origin_server_ts"
    }
}
