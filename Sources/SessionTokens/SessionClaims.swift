import Foundation

/// What a session token says: who it is for, which session it is, and how long it is good for.
public struct SessionClaims: Sendable, Hashable, Codable {
    /// The account's canonical (lower-case) name.
    public var user: String
    /// Random and unique per login, so one session can be revoked alone.
    public var session: String
    public var issuedAt: Date
    public var expiresAt: Date

    public init(user: String, session: String, issuedAt: Date, expiresAt: Date) {
        self.user = user
        self.session = session
        self.issuedAt = issuedAt
        self.expiresAt = expiresAt
    }

    enum CodingKeys: String, CodingKey {
        case user = "u", session = "s", issuedAt = "i", expiresAt = "e"
    }
}

/// Why a token was refused.
public enum TokenError: Error, Sendable, Equatable, CustomStringConvertible {
    case malformed
    case badSignature
    case expired
    case revoked

    public var description: String {
        switch self {
        case .malformed: "the session token is malformed; sign in again"
        case .badSignature: "the session token was not issued here; sign in again"
        case .expired: "the session has expired; sign in again"
        case .revoked: "the session was ended (signed out or password changed); sign in again"
        }
    }
}
