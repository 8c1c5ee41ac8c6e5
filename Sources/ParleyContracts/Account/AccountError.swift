/// Why the account service refused a request: one sentence naming the problem and what to do.
public enum AccountError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The name is not 2–32 characters from `a-z 0-9 _ -`.
    case invalidName(String)
    case nameTaken(String)
    case passwordTooShort(minimum: Int)
    /// The name or the password is wrong; deliberately never says which.
    case wrongCredentials
    /// Sign-ins for this name are refused for a while after repeated failures.
    case tooManyFailedSignIns(name: String, retryAfterSeconds: Int)
    /// The current password given to a password change is wrong.
    case wrongPassword
    /// The token is malformed or was not signed with this data directory's key.
    case sessionInvalid
    case sessionExpired
    /// The session was signed out, or the password was changed since.
    case sessionEnded
    case unknownUser(String)
    case invalidDisplayName(maximum: Int)
    case statusTooLong(maximum: Int)
    /// The store could not do the work right now (another process holds it); carries the store's own sentence.
    case storageUnavailable(String)
    /// Nothing to resume: no session was kept from last time (always so for the local data directory).
    case noStoredSession
    /// The homeserver no longer accepts the session's access token (401 `M_UNKNOWN_TOKEN`).
    case sessionRefused(server: String)
    /// The homeserver could not be reached; carries the reason.
    case serverUnreachable(String)
    /// The homeserver refused the request; carries its sentence, which names the server's `errcode`.
    case serverRefused(String)
    /// What the backend in use cannot do, e.g. changing a password on a homeserver; names it.
    case unsupported(String)

    public var description: String {
        switch self {
        case let .invalidName(name):
            "\"\(name)\" is not a valid name; use 2 to 32 characters from a-z, 0-9, _ and -"
        case let .nameTaken(name):
            "the name \(name) is taken; choose another"
        case let .passwordTooShort(minimum):
            "the password is too short; use at least \(minimum) characters"
        case .wrongCredentials:
            "wrong name or password; check both and try again"
        case let .tooManyFailedSignIns(name, seconds):
            "too many failed sign-ins for \(name); try again in \(seconds) s"
        case .wrongPassword:
            "the current password is wrong; type it again to change it"
        case .sessionInvalid:
            "the session token is not valid here; sign in again"
        case .sessionExpired:
            "the session has expired; sign in again"
        case .sessionEnded:
            "the session was ended (signed out or password changed); sign in again"
        case let .unknownUser(name):
            "there is no user named \(name); check the spelling or search the directory"
        case let .invalidDisplayName(maximum):
            "a display name must not be blank and may have at most \(maximum) characters; choose another"
        case let .statusTooLong(maximum):
            "a status may have at most \(maximum) characters; shorten it"
        case let .storageUnavailable(reason):
            reason
        case .noStoredSession:
            "no session was kept from last time; sign in with /login NAME PASSWORD"
        case let .sessionRefused(server):
            "the homeserver \(server) no longer accepts your session (M_UNKNOWN_TOKEN); sign in again"
        case let .serverUnreachable(reason):
            "the homeserver is unreachable (\(reason)); try again when it answers"
        case let .serverRefused(sentence):
            sentence
        case let .unsupported(what):
            "\(what) is not possible with this homeserver from Parley yet"
        }
    }
}
