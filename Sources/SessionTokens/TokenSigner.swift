import Crypto
import Foundation

/// Issues and verifies session tokens: `base64url(claims JSON).base64url(HMAC-SHA256)`.
///
/// Verification needs only the key and the revocation list, never a call to the account service, so a
/// session stays usable while the account service is off.
public struct TokenSigner: Sendable {
    // Kept as bytes: SymmetricKey is not Sendable in this swift-crypto.
    private let keyBytes: Data
    private let revocations: RevocationList?
    private var key: SymmetricKey { SymmetricKey(data: keyBytes) }

    /// - Parameter revocations: where revoked sessions are recorded; nil verifies signatures and expiry only.
    public init(key: SymmetricKey, revocations: RevocationList?) {
        self.keyBytes = key.withUnsafeBytes { Data($0) }
        self.revocations = revocations
    }

    public func sign(_ claims: SessionClaims) -> String {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .secondsSince1970
        encoder.outputFormatting = .sortedKeys
        let payload = try! encoder.encode(claims)  // a struct of strings and dates always encodes
        let signature = HMAC<SHA256>.authenticationCode(for: payload, using: key)
        return payload.base64URLEncoded + "." + Data(signature).base64URLEncoded
    }

    /// The claims of a genuine, unexpired, unrevoked token.
    public func verify(_ token: String, now: Date = Date()) throws(TokenError) -> SessionClaims {
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2, let payload = Data(base64URLEncoded: String(parts[0])),
            let signature = Data(base64URLEncoded: String(parts[1]))
        else { throw .malformed }
        guard HMAC<SHA256>.isValidAuthenticationCode(signature, authenticating: payload, using: key) else {
            throw .badSignature
        }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .secondsSince1970
        guard let claims = try? decoder.decode(SessionClaims.self, from: payload) else { throw .malformed }
        guard claims.expiresAt > now else { throw .expired }
        if let revocations, revocations.isRevoked(claims) { throw .revoked }
        return claims
    }
}

extension Data {
    var base64URLEncoded: String {
        base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    init?(base64URLEncoded text: String) {
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        self.init(base64Encoded: base64)
    }
}
