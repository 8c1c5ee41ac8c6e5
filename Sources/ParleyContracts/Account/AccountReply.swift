/// What the account service answers; each request's documentation says which case it gets.
public enum AccountReply: Sendable, Equatable {
    /// A signed-in session: after register, login and a password change.
    case session(Session)
    /// The request was carried out and there is nothing to tell.
    case done
    case profile(UserProfile)
    /// Matching users, ordered by name.
    case directory([UserProfile])
    /// Presence by canonical (lower-case) name.
    case presence([String: Presence])
}
