import Foundation
import ParleyContracts
import ParleyStorage
import ParleyTestKit
import SessionTokens
import Testing

@Suite(.timeLimit(.minutes(1)))
struct AuthorisationTests {
    @Test func nonMembersCannotReadPostOrSearchARoom() async throws {
        try await MessagingFixture.run { service in
            let alice = try await service.enter("alice")
            let mallory = try await service.enter("mallory")
            let secret = try await service.call(.createRoom(token: alice, name: "#secret")).room!.id
            let message = try await service.send(alice, secret, "private words")
            let refusals: [MessagingRequest] = [
                .history(token: mallory, room: secret),
                .send(token: mallory, room: secret, id: MessageID("x-1"), text: "let me in"),
                .listMembers(token: mallory, room: secret),
                .markRead(token: mallory, room: secret, upTo: message.id),
                .search(token: mallory, text: "private", room: secret),
            ]
            for request in refusals {
                #expect(await service.refusal(request) == .notAMember(secret), "\(request.kind)")
            }
            // A message in a room one is not in is as good as unknown, whatever one tries with it
            #expect(
                await service.refusal(.edit(token: mallory, message: message.id, text: "x"))
                    == .unknownMessage(message.id))
            #expect(
                await service.refusal(.history(token: mallory, room: general, from: .after(message.id)))
                    == .unknownMessage(message.id))
            #expect(try await service.call(.search(token: mallory, text: "private")).found == [])
            #expect(try await service.history(alice, secret).messages == [message])
        }
    }

    @Test func aDirectConversationIsClosedToOthers() async throws {
        try await MessagingFixture.run { service in
            let alice = try await service.enter("alice")
            try await service.enter("bob")
            let mallory = try await service.enter("mallory")
            let direct = try await service.call(.openDirect(token: alice, user: "bob")).room!.id
            #expect(await service.refusal(.history(token: mallory, room: direct)) == .notAMember(direct))
            #expect(
                await service.refusal(.joinRoom(token: mallory, name: direct.rawValue))
                    == .invalidRoomName(direct.rawValue)
            )
        }
    }

    enum BadToken: String, CaseIterable {
        case garbage, foreignKey, expired, revokedSession, revokedUser
    }

    @Test(arguments: BadToken.allCases)
    func badTokensAreRefusedAndChangeNothing(_ kind: BadToken) async throws {
        try await MessagingFixture.run { service in
            let alice = try await service.enter("alice")
            let session = UUID().uuidString
            let token: String
            let expected: MessagingError
            switch kind {
            case .garbage:
                (token, expected) = ("not-a-token", .invalidSession)
            case .foreignKey:
                let elsewhere = TemporaryDirectory("foreign")
                defer { elsewhere.remove() }
                let signer = TokenSigner(
                    key: try SessionKey.loadOrCreate(in: elsewhere.dataDirectory), revocations: nil)
                let claims = SessionClaims(user: "alice", session: session, issuedAt: Date(), expiresAt: .distantFuture)
                (token, expected) = (signer.sign(claims), .invalidSession)
            case .expired:
                (token, expected) = (service.token("alice", expiresIn: -1), .sessionExpired)
            case .revokedSession:
                // Used once (so the service has it verified already), then signed out
                token = service.token("alice", session: session)
                _ = try await service.call(.listRooms(token: token))
                try service.revocations.revoke(session: session)
                expected = .sessionEnded
            case .revokedUser:
                token = service.token("alice")
                try service.revocations.revokeAll(of: "alice", issuedUntil: Date(timeIntervalSinceNow: 1))
                expected = .sessionEnded
            }
            #expect(
                await service.refusal(.send(token: token, room: general, id: MessageID("t-1"), text: "hi")) == expected)
            #expect(await service.refusal(.hello(token: token)) == expected)
            #expect(await service.refusal(.search(token: token, text: "hi")) == expected)
            if kind != .revokedUser {
                #expect(try await service.history(alice, general).messages.isEmpty)
            }
        }
    }
}
