import Foundation
import MatrixClient
import ParleyTestKit
import Testing

@Suite(.timeLimit(.minutes(2)))
struct RoomTests {
    @Test func aPublicRoomIsFoundByItsAliasAndJoined() async throws {
        try await TestAccounts.withUsers(2, prefix: "alias") { clients in
            let aliasName = TestHomeserver.uniqueUserName("room")
            let roomID = try await clients[0].createRoom(.publicRoom(aliasName: aliasName, name: "General"))
            let alias = "#\(aliasName):localhost"

            let resolved = try await clients[1].resolveAlias(alias)
            #expect(resolved.roomID == roomID)
            #expect(try await clients[1].join(alias) == roomID)

            let members = try await clients[0].joinedMembers(of: roomID)
            #expect(Set(members.keys) == [clients[0].userID, clients[1].userID])

            // The room's name and alias arrive as state, in the state block or the timeline.
            let joined = try #require(try await clients[1].sync().rooms.join[roomID])
            let state = joined.state + joined.timeline.events
            #expect(state.compactMap(\.roomName) == ["General"])
            #expect(state.compactMap(\.canonicalAlias?.alias) == [alias])
            #expect(state.compactMap(\.encryptionAlgorithm).isEmpty)
        }
    }

    @Test func anUnknownAliasIsMNotFound() async throws {
        try await TestAccounts.withUsers(1, prefix: "noalias") { clients in
            let error = await #expect(throws: MatrixError.self) {
                try await clients[0].resolveAlias("#\(TestHomeserver.uniqueUserName("none")):localhost")
            }
            #expect(error?.errcode == "M_NOT_FOUND")
        }
    }

    @Test func aPrivateRoomNeedsAnInviteAndCanBeLeft() async throws {
        try await TestAccounts.withUsers(3, prefix: "private") { clients in
            let roomID = try await clients[0].createRoom(.privateRoom(name: "Secret"))
            let refused = await #expect(throws: MatrixError.self) { try await clients[1].join(roomID) }
            #expect(refused?.errcode == "M_FORBIDDEN")

            try await clients[0].invite(clients[2].userID, to: roomID)
            #expect(try await clients[2].join(roomID) == roomID)
            try await clients[2].leave(roomID)
            #expect(try await clients[0].joinedMembers(of: roomID).keys.sorted() == [clients[0].userID])
        }
    }

    @Test func aDirectRoomIsMarkedInMDirectAccountData() async throws {
        try await TestAccounts.withUsers(2, prefix: "direct") { clients in
            let roomID = try await clients[0].createRoom(.direct(with: clients[1].userID))
            #expect(try await clients[0].accountData("m.direct") == nil)
            #expect(clients[0].metrics.lastError == nil)
            try await clients[0].setAccountData("m.direct", to: [clients[1].userID: [.string(roomID)]])
            let direct = try await clients[0].accountData("m.direct")
            #expect(direct?[clients[1].userID]?.arrayValue == [.string(roomID)])

            // The invitee sees the invite marked as direct in its sync.
            let sync = try await clients[1].sync()
            let invite = try #require(sync.rooms.invite[roomID])
            let member = invite.inviteState.first { $0.type == "m.room.member" && $0.stateKey == clients[1].userID }
            #expect(member?.member?.membership == "invite")
            #expect(member?.member?.isDirect == true)
        }
    }
}
