import Foundation

/// A signed-in session. The token is signed, so the other services verify it without asking the account
/// service, and it stays usable while the account service is off.
public struct Session: Sendable, Hashable, Codable {
    /// Sent with every request that acts as this user.
    public var token: String
    /// The user's canonical (lower-case) name.
    public var user: String
    public var displayName: String
    public var expiresAt: Date
    /// The Matrix server name of the user's id (`localhost` in `@ann:localhost`); nil on the local backend.
    /// Mentions of users name it, as other Matrix clients expect.
    public var server: String?

    public init(token: String, user: String, displayName: String, expiresAt: Date, server: String? = nil) {
        self.token = token
        self.user = user
        self.displayName = displayName
        self.expiresAt = expiresAt
        self.server = server
    }
}
