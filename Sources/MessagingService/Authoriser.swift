import Foundation
import ParleyContracts
import ParleyStorage
import SessionTokens

/// Checks the session token of every request, without asking the account service: the signature, the expiry
/// and the data directory's revocation list.
struct Authoriser: Sendable {
    private let signer: TokenSigner
    /// Tokens whose signature was already checked. Expiry and revocation are still checked on every request;
    /// only the HMAC and JSON work is saved.
    private var verified: [String: SessionClaims] = [:]
    private let revocations: RevocationList
    private static let cacheLimit = 64

    init(directory: DataDirectory) throws(StorageError) {
        revocations = try RevocationList(in: directory)
        signer = TokenSigner(key: try SessionKey.loadOrCreate(in: directory), revocations: revocations)
    }

    /// The canonical name of the token's user.
    mutating func user(for token: String, now: Date = Date()) throws(MessagingError) -> String {
        if let claims = verified[token] {
            guard claims.expiresAt > now else { throw .sessionExpired }
            guard !revocations.isRevoked(claims) else { throw .sessionEnded }
            return claims.user
        }
        do {
            let claims = try signer.verify(token, now: now)
            if verified.count >= Self.cacheLimit { verified.removeAll() }
            verified[token] = claims
            return claims.user
        } catch {
            switch error {
            case .malformed, .badSignature: throw .invalidSession
            case .expired: throw .sessionExpired
            case .revoked: throw .sessionEnded
            }
        }
    }
}
