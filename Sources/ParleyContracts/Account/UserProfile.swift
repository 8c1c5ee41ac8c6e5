/// What everyone may see of a user.
public struct UserProfile: Sendable, Hashable, Codable {
    /// The canonical (lower-case) name, unique without regard to case.
    public var name: String
    public var displayName: String
    /// Free text the user set with `/status`; empty when none.
    public var status: String
    public var presence: Presence

    public init(name: String, displayName: String, status: String, presence: Presence) {
        self.name = name
        self.displayName = displayName
        self.status = status
        self.presence = presence
    }
}
