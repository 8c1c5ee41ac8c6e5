/// The answer of `GET /account/whoami`.
public struct WhoAmI: Sendable, Hashable, Decodable {
    public var userID: String
    public var deviceID: String?

    enum CodingKeys: String, CodingKey {
        case userID = "user_id"
        case deviceID = "device_id"
    }
}

/// One user found by `POST /user_directory/search`.
public struct DirectoryUser: Sendable, Hashable, Decodable {
    public var userID: String
    public var displayName: String?
    public var avatarURL: String?

    enum CodingKeys: String, CodingKey {
        case userID = "user_id"
        case displayName = "display_name"
        case avatarURL = "avatar_url"
    }
}

/// The answer of `POST /user_directory/search`: `limited` says more users matched than were returned.
public struct DirectorySearchResult: Sendable, Hashable, Decodable {
    public var results: [DirectoryUser]
    public var limited: Bool
}

/// A user's presence as `GET /presence/{userId}/status` reports it.
public struct PresenceStatus: Sendable, Hashable, Codable {
    /// `online`, `offline` or `unavailable`.
    public var presence: String
    public var statusMessage: String?
    public var lastActiveAgo: Int?
    public var currentlyActive: Bool?

    public init(presence: String, statusMessage: String? = nil) {
        self.presence = presence
        self.statusMessage = statusMessage
    }

    enum CodingKeys: String, CodingKey {
        case presence
        case statusMessage = "status_msg"
        case lastActiveAgo = "last_active_ago"
        case currentlyActive = "currently_active"
    }
}

/// The user-interactive-auth challenge a 401 from `/register` carries.
struct AuthChallenge: Decodable {
    struct Flow: Decodable { var stages: [String] }
    var session: String?
    var flows: [Flow]?
    var completed: [String]?

    /// Passes when a flow of only `m.login.dummy` is offered; otherwise names the stages the server wants.
    func requireDummyStage() throws(MatrixError) {
        let flows = flows ?? []
        guard !flows.contains(where: { $0.stages == ["m.login.dummy"] }) else { return }
        let done = completed ?? []
        let wanted = flows.first?.stages.filter { !done.contains($0) } ?? []
        throw .unsupportedAuthStage(stages: wanted.isEmpty ? ["(none offered)"] : wanted)
    }
}

/// The body of `POST /register` and `POST /login`.
struct SignInRequest: Encodable {
    struct Identifier: Encodable {
        var type = "m.id.user"
        var user: String
    }
    struct Auth: Encodable {
        var type: String
        var session: String?
    }
    var type: String?
    var identifier: Identifier?
    var username: String?
    var password: String
    var deviceID: String?
    var initialDeviceDisplayName: String?
    var auth: Auth?

    enum CodingKeys: String, CodingKey {
        case type, identifier, username, password, auth
        case deviceID = "device_id"
        case initialDeviceDisplayName = "initial_device_display_name"
    }
}
