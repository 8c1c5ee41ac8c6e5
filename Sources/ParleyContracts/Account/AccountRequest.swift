import ServiceRuntime

/// What the account service is asked to do. Names are matched without regard to case; tokens are the
/// `Session.token` a sign-in returned.
public enum AccountRequest: ServiceRequest, Equatable {
    /// Creates an account and signs it in; replies `.session`. The display name defaults to the name as typed.
    case register(name: String, password: String, displayName: String?)
    /// Signs in; replies `.session`.
    case login(name: String, password: String)
    /// Ends the session of `token`; replies `.done`. Ending a session that already ended is not an error.
    case logout(token: String)
    /// Replaces the password and ends every earlier session; replies `.session` with a fresh token.
    case changePassword(token: String, old: String, new: String)
    /// Changes what is given (nil leaves it as it is; an empty status clears it); replies `.profile`.
    case updateProfile(token: String, displayName: String?, statusText: String?)
    /// One user's profile; replies `.profile`.
    case profile(name: String)
    /// Users whose name or display name contains `search` (all users when it is empty), by name, at most
    /// `limit` of them; replies `.directory`.
    case directory(search: String, limit: Int)
    /// Says the session's user is present (`online` or `away`) for another presence interval; `offline`
    /// says they are leaving now. Replies `.done`.
    case heartbeat(token: String, presence: Presence)
    /// The presence of each of `names`; replies `.presence`.
    case presence(of: [String])
    /// Signs in again with the session this data directory kept from last time (a homeserver's access
    /// token), sent once at start; replies `.session`, or `noStoredSession` when there is none to resume.
    case resume

    public var kind: String {
        switch self {
        case .register: "register"
        case .login: "login"
        case .logout: "logout"
        case .changePassword: "changePassword"
        case .updateProfile: "updateProfile"
        case .profile: "profile"
        case .directory: "directory"
        case .heartbeat: "heartbeat"
        case .presence: "presence"
        case .resume: "resume"
        }
    }
}
