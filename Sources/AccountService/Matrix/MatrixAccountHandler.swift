import Foundation
import MatrixClient
import ParleyContracts
import ServiceRuntime

/// The account service on a homeserver: sign-up (the dummy stage), sign-in, sign-out, the display name, the
/// status as presence `status_msg`, the user directory and presence.
///
/// `Session.token` is the Matrix access token and `Session.user` the localpart (`ann` for `@ann:server`).
/// The sessions are kept on disk per server and user, so `resume` signs in again without a password.
public struct MatrixAccountHandler: ServiceHandler {
    public typealias Request = AccountRequest
    public typealias Reply = AccountReply
    public typealias Event = AccountEvent
    public typealias Failure = AccountError

    let client: MatrixClient
    let sessions: MatrixSessionStore
    /// The status the user set, sent again with each heartbeat: presence without it would clear it.
    var statusMessage: String?

    init(client: MatrixClient, sessions: MatrixSessionStore) {
        self.client = client
        self.sessions = sessions
    }

    public mutating func handle(
        _ request: AccountRequest, context: ServiceContext<AccountEvent, AccountRequest>
    ) async throws -> AccountReply {
        do {
            return try await dispatch(request)
        } catch let error as MatrixError {
            if case .unknownToken = error, let token = client.session?.accessToken {
                // The server ended the session (signed out elsewhere, or expired): never resumed again.
                sessions.remove(token: token)
                client.setSession(nil)
            }
            throw Self.accountError(error, for: request)
        }
    }

    private mutating func dispatch(_ request: AccountRequest) async throws -> AccountReply {
        switch request {
        case let .register(name, password, displayName):
            let localpart = try MatrixName.localpart(name)
            let session = try await client.register(username: localpart, password: password, deviceName: "Parley")
            if let displayName, !displayName.isEmpty { try await client.setDisplayName(displayName) }
            return .session(try keep(session, displayName: displayName ?? localpart))
        case let .login(name, password):
            _ = try MatrixName.localpart(name)
            let session = try await client.login(user: name, password: password, deviceName: "Parley")
            let displayName = try? await client.displayName(of: session.userID)
            return .session(try keep(session, displayName: displayName ?? MatrixName.localpart(of: session.userID)))
        case .resume:
            return try resume()
        case let .logout(token):
            try await use(token)
            do {
                try await client.logout()
            } catch MatrixError.unknownToken {
                // Already ended on the server: signing out is done all the same.
            }
            sessions.remove(token: token)
            return .done
        case .changePassword:
            throw AccountError.unsupported("changing the password")
        case let .updateProfile(token, displayName, statusText):
            try await use(token)
            if let displayName {
                guard !displayName.trimmingCharacters(in: .whitespaces).isEmpty else {
                    throw AccountError.invalidDisplayName(maximum: 256)
                }
                try await client.setDisplayName(displayName)
            }
            if let statusText {
                statusMessage = statusText.isEmpty ? nil : statusText
                try await client.setPresence(PresenceStatus(presence: "online", statusMessage: statusMessage))
            }
            return .profile(try await profile(of: signedInUserID()))
        case let .profile(name):
            return .profile(try await profile(of: try userID(for: name)))
        case let .directory(search, limit):
            let found = try await client.searchUsers(search, limit: min(max(limit, 1), 500))
            let profiles = found.results.map { user in
                UserProfile(
                    name: shownName(of: user.userID), displayName: user.displayName ?? shownName(of: user.userID),
                    status: "", presence: .offline)
            }
            return .directory(profiles.sorted { $0.name < $1.name })
        case let .heartbeat(token, presence):
            try await use(token)
            try await client.setPresence(
                PresenceStatus(presence: Self.matrixPresence(presence), statusMessage: statusMessage))
            return .done
        case let .presence(names):
            var found: [String: Presence] = [:]
            for name in names {
                // One user without presence (or on a server that turned it off) is shown offline, not an error.
                let status = try? await client.presence(of: try userID(for: name))
                found[name.lowercased()] = status.map { Self.parleyPresence($0.presence) } ?? .offline
            }
            return .presence(found)
        }
    }

    /// Signs in with the session kept from last time, asking the network nothing: the app opens on its cached
    /// screen at once (issue 8's first frame), whether the server answers quickly, slowly or not at all. The
    /// server's verdict comes with the first request that uses the token (the heartbeat the app sends on
    /// signing in): a token it refuses brings the sign-in back then, and is forgotten (`handle`).
    private func resume() throws -> AccountReply {
        guard let stored = sessions.latest() else { throw AccountError.noStoredSession }
        client.setSession(stored.session)
        return .session(parleySession(stored.session, displayName: stored.displayName))
    }

    /// Keeps a new session on disk for the next start and returns it as the app's session.
    private func keep(_ session: MatrixClient.Session, displayName: String) throws -> Session {
        let localpart = MatrixName.localpart(of: session.userID)
        do {
            try sessions.save(.init(session: session, displayName: displayName), localpart: localpart)
        } catch {
            throw AccountError.storageUnavailable(error.description)
        }
        return parleySession(session, displayName: displayName)
    }

    private func parleySession(_ session: MatrixClient.Session, displayName: String) -> Session {
        // The homeserver decides when a token ends; the app hears of it as `sessionRefused`.
        Session(
            token: session.accessToken, user: MatrixName.localpart(of: session.userID), displayName: displayName,
            expiresAt: .distantFuture, server: MatrixName.serverName(of: session.userID))
    }

    /// Acts as the session of `token` from now on (the handler serves one request at a time); a token this
    /// data directory did not keep is asked about once.
    private func use(_ token: String) async throws {
        if client.session?.accessToken == token { return }
        if let stored = sessions.latest(), stored.session.accessToken == token {
            client.setSession(stored.session)
            return
        }
        client.setSession(.init(userID: "", accessToken: token, deviceID: nil))
        let whoami = try await client.whoami()
        client.setSession(.init(userID: whoami.userID, accessToken: token, deviceID: whoami.deviceID))
    }

    private func signedInUserID() throws -> String {
        guard let userID = client.session?.userID, !userID.isEmpty else { throw AccountError.sessionInvalid }
        return userID
    }

    private func profile(of userID: String) async throws -> UserProfile {
        let displayName = try await client.displayName(of: userID)
        let presence = try? await client.presence(of: userID)
        return UserProfile(
            name: shownName(of: userID), displayName: displayName ?? shownName(of: userID),
            status: presence?.statusMessage ?? "",
            presence: presence.map { Self.parleyPresence($0.presence) } ?? .offline)
    }

    /// `@ann:server` for a name typed as `ann` (on the signed-in user's server) or as a full user id.
    private func userID(for name: String) throws -> String {
        if name.hasPrefix("@") { return name.lowercased() }
        guard let server = client.session?.userID.split(separator: ":", maxSplits: 1).last, !server.isEmpty,
            client.session?.userID.isEmpty == false
        else { throw AccountError.unknownUser(name) }
        return "@\(name.lowercased()):\(server)"
    }

    /// The localpart for users of the signed-in user's server, the whole id for others.
    private func shownName(of userID: String) -> String {
        let own = client.session?.userID.split(separator: ":", maxSplits: 1).last
        let parts = userID.split(separator: ":", maxSplits: 1)
        guard parts.count == 2, parts[1] == own else { return userID }
        return MatrixName.localpart(of: userID)
    }

    static func matrixPresence(_ presence: Presence) -> String {
        switch presence {
        case .online: "online"
        case .away: "unavailable"
        case .offline: "offline"
        }
    }

    static func parleyPresence(_ presence: String) -> Presence {
        switch presence {
        case "online": .online
        case "unavailable": .away
        default: .offline
        }
    }
}
