import Foundation

/// Accounts and people: sign-up, sign-in, sign-out, profile, directory and presence.
extension MatrixClient {
    /// The client-server API versions the server speaks (no sign-in needed): a cheap "is it there" check.
    public func versions() async throws -> [String] {
        struct Reply: Decodable { var versions: [String] }
        let reply: Reply = try await call(Endpoint(.GET, "/_matrix/client/versions", authenticated: false))
        return reply.versions
    }

    /// Creates an account with the `m.login.dummy` interactive-auth stage and signs in as it.
    ///
    /// The first call gets the server's 401 challenge; when a flow of only `m.login.dummy` is offered the
    /// same request goes again with that stage. A server that demands anything else (e-mail, captcha, terms)
    /// gives `unsupportedAuthStage` naming what it wants.
    @discardableResult
    public func register(
        username: String, password: String, deviceID: String? = nil, deviceName: String? = nil
    ) async throws -> Session {
        let endpoint = Endpoint(.POST, Self.clientPath + "/register", authenticated: false)
        var request = SignInRequest(
            username: username, password: password, deviceID: deviceID, initialDeviceDisplayName: deviceName)
        let first = try await perform(endpoint) { .bytes(try Self.encode(request, for: endpoint)) }
        if first.isSuccess { return adopt(try decodeSuccess(first, for: endpoint) as Session) }
        guard first.status == 401, let challenge = try? JSONDecoder().decode(AuthChallenge.self, from: first.body),
            challenge.flows != nil
        else {
            throw recorded(error(from: first, for: endpoint))
        }
        do throws(MatrixError) {
            try challenge.requireDummyStage()
        } catch {
            throw recorded(error)
        }
        request.auth = .init(type: "m.login.dummy", session: challenge.session)
        let second = try await perform(endpoint) { .bytes(try Self.encode(request, for: endpoint)) }
        return adopt(try decodeSuccess(second, for: endpoint) as Session)
    }

    /// Signs in with a password (`m.login.password`, an `m.id.user` identifier: a local name or `@name:server`).
    @discardableResult
    public func login(
        user: String, password: String, deviceID: String? = nil, deviceName: String? = nil
    ) async throws -> Session {
        let endpoint = Endpoint(.POST, Self.clientPath + "/login", authenticated: false)
        let request = SignInRequest(
            type: "m.login.password", identifier: .init(user: user), password: password, deviceID: deviceID,
            initialDeviceDisplayName: deviceName)
        return adopt(try await call(endpoint, body: request, as: Session.self))
    }

    /// Ends the session on the server (its token stops working) and forgets it here.
    public func logout() async throws {
        let _: EmptyJSON = try await call(Endpoint(.POST, Self.clientPath + "/logout"), body: EmptyJSON())
        setSession(nil)
    }

    /// Who the access token belongs to; `unknownToken` when the server no longer accepts it.
    /// - Parameter timeout: how long to wait for the answer; the client's usual deadline when nil.
    public func whoami(timeout: Duration? = nil) async throws -> WhoAmI {
        try await call(Endpoint(.GET, Self.clientPath + "/account/whoami"), timeout: timeout)
    }

    /// A user's display name, or nil when they have none.
    public func displayName(of userID: String) async throws -> String? {
        struct Reply: Decodable { var displayname: String? }
        let path = Self.clientPath + "/profile/\(Self.segment(userID))/displayname"
        let reply: Reply = try await call(Endpoint(.GET, path, name: "GET /profile/{userId}/displayname"))
        return reply.displayname
    }

    /// Sets the signed-in user's display name.
    public func setDisplayName(_ name: String) async throws {
        let userID = try signedInUserID("PUT /profile/{userId}/displayname")
        let path = Self.clientPath + "/profile/\(Self.segment(userID))/displayname"
        let _: EmptyJSON = try await call(
            Endpoint(.PUT, path, name: "PUT /profile/{userId}/displayname"), body: ["displayname": name])
    }

    /// Users the server's directory finds for `term` (those sharing a room, or all when the server allows).
    public func searchUsers(_ term: String, limit: Int = 20) async throws -> DirectorySearchResult {
        struct Request: Encodable {
            var searchTerm: String
            var limit: Int
            enum CodingKeys: String, CodingKey {
                case limit
                case searchTerm = "search_term"
            }
        }
        return try await call(
            Endpoint(.POST, Self.clientPath + "/user_directory/search"), body: Request(searchTerm: term, limit: limit))
    }

    /// A user's presence.
    public func presence(of userID: String) async throws -> PresenceStatus {
        let path = Self.clientPath + "/presence/\(Self.segment(userID))/status"
        return try await call(Endpoint(.GET, path, name: "GET /presence/{userId}/status"))
    }

    /// Sets the signed-in user's presence (`online`, `offline`, `unavailable`) and status message.
    public func setPresence(_ status: PresenceStatus) async throws {
        let userID = try signedInUserID("PUT /presence/{userId}/status")
        let path = Self.clientPath + "/presence/\(Self.segment(userID))/status"
        let body = PresenceStatus(presence: status.presence, statusMessage: status.statusMessage)
        let _: EmptyJSON = try await call(Endpoint(.PUT, path, name: "PUT /presence/{userId}/status"), body: body)
    }

    /// Keeps a new session and returns it.
    private func adopt(_ session: Session) -> Session {
        setSession(session)
        return session
    }

    /// The signed-in user's id, or `notSignedIn` naming the endpoint that needs it.
    func signedInUserID(_ endpoint: String) throws -> String {
        guard let userID = session?.userID else { throw recorded(.notSignedIn(endpoint: endpoint)) }
        return userID
    }
}
