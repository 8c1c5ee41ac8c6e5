import MatrixClient
import ParleyContracts

extension MatrixAccountHandler {
    /// The account service's sentence for what the homeserver answered.
    static func accountError(_ error: MatrixError, for request: AccountRequest) -> AccountError {
        switch (error, request) {
        case let (.unknownToken(server), _):
            return .sessionRefused(server: server)
        case let (.unreachable(server, reason), _):
            return .serverUnreachable("\(server): \(reason)")
        case (.server(_, _, "M_FORBIDDEN", _), .login), (.server(_, _, "M_USER_DEACTIVATED", _), .login):
            return .wrongCredentials
        case let (.server(_, _, "M_USER_IN_USE", _), .register(name, _, _)):
            return .nameTaken(name)
        case let (.server(_, _, "M_INVALID_USERNAME", _), .register(name, _, _)):
            return .invalidName(name)
        case let (.server(_, _, "M_NOT_FOUND", _), .profile(name)):
            return .unknownUser(name)
        default:
            return .serverRefused(error.description)
        }
    }
}

/// Matrix user ids as Parley names them: the localpart (`ann` for `@ann:server`).
enum MatrixName {
    /// The localpart of a name as typed: `ann` or `@ann:server`; refused when it is not one Parley can use as
    /// a file name and a screen name (1–64 of `a-z 0-9 . _ = -`, not starting with a dot).
    static func localpart(_ typed: String) throws(AccountError) -> String {
        let name = localpart(of: typed.trimmingCharacters(in: .whitespaces))
        let allowed = Set("abcdefghijklmnopqrstuvwxyz0123456789._=-")
        guard (1...64).contains(name.count), name.allSatisfy(allowed.contains), !name.hasPrefix(".") else {
            throw .invalidName(typed)
        }
        return name
    }

    /// `ann` for `@ann:server` (lower-cased); a name without `@` is returned lower-cased.
    static func localpart(of userID: String) -> String {
        guard userID.hasPrefix("@") else { return userID.lowercased() }
        return String(userID.dropFirst().split(separator: ":", maxSplits: 1).first ?? "").lowercased()
    }

    /// `server` for `@ann:server`: the server name the session's user belongs to.
    static func serverName(of userID: String) -> String? {
        userID.split(separator: ":", maxSplits: 1).last.map(String.init)
    }
}
