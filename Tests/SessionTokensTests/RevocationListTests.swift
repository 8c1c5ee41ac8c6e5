import Foundation
import ParleyTestKit
import SessionTokens
import Testing

struct RevocationListTests {
    private let noon = Date(timeIntervalSince1970: 1_750_000_000)

    private func claims(_ user: String, session: String, issuedAt: Date) -> SessionClaims {
        SessionClaims(user: user, session: session, issuedAt: issuedAt, expiresAt: issuedAt.addingTimeInterval(3_600))
    }

    /// Two lists on one directory stand in for two processes.
    @Test func aSessionRevokedInOneProcessIsRevokedInAnother() throws {
        let temporary = TemporaryDirectory("revocations")
        defer { temporary.remove() }
        let writer = try RevocationList(in: temporary.dataDirectory)
        let reader = try RevocationList(in: temporary.dataDirectory)
        let ended = claims("alice", session: "s-1", issuedAt: noon)
        let other = claims("alice", session: "s-2", issuedAt: noon)
        #expect(!reader.isRevoked(ended))

        try writer.revoke(session: "s-1")

        #expect(reader.isRevoked(ended))
        #expect(!reader.isRevoked(other))
    }

    @Test func revokingAUsersSessionsEndsThoseIssuedUntilThen() throws {
        let temporary = TemporaryDirectory("revocations")
        defer { temporary.remove() }
        let writer = try RevocationList(in: temporary.dataDirectory)
        let reader = try RevocationList(in: temporary.dataDirectory)
        #expect(!reader.isRevoked(claims("alice", session: "before", issuedAt: noon)))

        try writer.revokeAll(of: "alice", issuedUntil: noon)

        #expect(reader.isRevoked(claims("alice", session: "before", issuedAt: noon.addingTimeInterval(-60))))
        #expect(reader.isRevoked(claims("alice", session: "at", issuedAt: noon)))
        #expect(!reader.isRevoked(claims("alice", session: "after", issuedAt: noon.addingTimeInterval(0.001))))
        #expect(!reader.isRevoked(claims("bob", session: "other", issuedAt: noon)))
    }

    @Test func theLatestCutForAUserWins() throws {
        let temporary = TemporaryDirectory("revocations")
        defer { temporary.remove() }
        let list = try RevocationList(in: temporary.dataDirectory)

        try list.revokeAll(of: "alice", issuedUntil: noon.addingTimeInterval(60))
        try list.revokeAll(of: "alice", issuedUntil: noon)

        #expect(list.isRevoked(claims("alice", session: "s", issuedAt: noon.addingTimeInterval(30))))
    }

    @Test func revocationsOutliveTheProcessAndArePrivate() throws {
        let temporary = TemporaryDirectory("revocations")
        defer { temporary.remove() }
        try RevocationList(in: temporary.dataDirectory).revoke(session: "s-1")

        let reopened = try RevocationList(in: temporary.dataDirectory)
        #expect(reopened.isRevoked(claims("alice", session: "s-1", issuedAt: noon)))
        let path = temporary.dataDirectory.file(RevocationList.fileName).path
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
    }
}
