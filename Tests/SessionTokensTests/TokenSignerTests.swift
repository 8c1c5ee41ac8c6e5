import Foundation
import ParleyTestKit
import SessionTokens
import Testing

struct TokenSignerTests {
    private let issued = Date(timeIntervalSince1970: 1_750_000_000)
    private var claims: SessionClaims {
        SessionClaims(user: "alice", session: "s-1", issuedAt: issued, expiresAt: issued.addingTimeInterval(3_600))
    }

    /// A signer with the key of `temporary`'s data directory, made on first use.
    private func makeSigner(in temporary: TemporaryDirectory, revocations: RevocationList? = nil) throws -> TokenSigner
    {
        TokenSigner(key: try SessionKey.loadOrCreate(in: temporary.dataDirectory), revocations: revocations)
    }

    @Test func aSignedTokenVerifiesToItsClaims() throws {
        let temporary = TemporaryDirectory("tokens")
        defer { temporary.remove() }
        let signer = try makeSigner(in: temporary)

        let token = signer.sign(claims)

        #expect(try signer.verify(token, now: issued) == claims)
        #expect(try signer.verify(token, now: issued.addingTimeInterval(3_599)) == claims)
    }

    @Test func aTokenIsRefusedOnceItExpires() throws {
        let temporary = TemporaryDirectory("tokens")
        defer { temporary.remove() }
        let signer = try makeSigner(in: temporary)
        let token = signer.sign(claims)

        #expect(throws: TokenError.expired) { try signer.verify(token, now: issued.addingTimeInterval(3_600)) }
    }

    @Test func changedClaimsNoLongerMatchTheSignature() throws {
        let temporary = TemporaryDirectory("tokens")
        defer { temporary.remove() }
        let signer = try makeSigner(in: temporary)
        let parts = signer.sign(claims).split(separator: ".").map(String.init)
        let payload = try #require(Data(base64URL: parts[0]))
        let forged = String(decoding: payload, as: UTF8.self).replacingOccurrences(of: "alice", with: "mallo")

        let tampered = Data(forged.utf8).base64URL + "." + parts[1]

        #expect(throws: TokenError.badSignature) { try signer.verify(tampered, now: issued) }
    }

    @Test func aChangedSignatureIsRefused() throws {
        let temporary = TemporaryDirectory("tokens")
        defer { temporary.remove() }
        let signer = try makeSigner(in: temporary)
        let parts = signer.sign(claims).split(separator: ".").map(String.init)
        var signature = try #require(Data(base64URL: parts[1]))
        signature[0] ^= 0x01

        #expect(throws: TokenError.badSignature) {
            try signer.verify(parts[0] + "." + signature.base64URL, now: issued)
        }
    }

    @Test func aTokenSignedWithAnotherKeyIsRefused() throws {
        let mine = TemporaryDirectory("tokens")
        let theirs = TemporaryDirectory("tokens")
        defer {
            mine.remove()
            theirs.remove()
        }
        let token = try makeSigner(in: theirs).sign(claims)

        #expect(throws: TokenError.badSignature) { try makeSigner(in: mine).verify(token, now: issued) }
    }

    /// Not two parts, or parts that are not base64url: refused before any signature check.
    @Test(arguments: ["", "no-dot", "a.b.c", "!!!.@@@", "e30.%%", "%%.e30"])
    func aMalformedTokenIsRefused(token: String) throws {
        let temporary = TemporaryDirectory("tokens")
        defer { temporary.remove() }
        let signer = try makeSigner(in: temporary)

        #expect(throws: TokenError.malformed) { try signer.verify(token, now: issued) }
    }

    @Test func aRevokedSessionIsRefused() throws {
        let temporary = TemporaryDirectory("tokens")
        defer { temporary.remove() }
        let revocations = try RevocationList(in: temporary.dataDirectory)
        let signer = try makeSigner(in: temporary, revocations: revocations)
        let token = signer.sign(claims)

        try revocations.revoke(session: claims.session)

        #expect(throws: TokenError.revoked) { try signer.verify(token, now: issued) }
    }

    @Test func theKeyIsMadeOnceAndKeptPrivate() throws {
        let temporary = TemporaryDirectory("tokens")
        defer { temporary.remove() }
        let first = try makeSigner(in: temporary)
        let second = try makeSigner(in: temporary)

        #expect(try second.verify(first.sign(claims), now: issued) == claims)
        let path = temporary.dataDirectory.file(SessionKey.fileName).path
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
    }
}

extension Data {
    /// URL-safe base64 without padding, as tokens use.
    var base64URL: String {
        base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    init?(base64URL text: String) {
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        self.init(base64Encoded: base64)
    }
}
