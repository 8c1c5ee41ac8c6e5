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
        }
    }
}
