import ParleyContracts
import ParleyTestKit
import Testing

@Suite(.timeLimit(.minutes(1)))
struct RoomTests {
    @Test func helloRecordsTheUserAndJoinsGeneral() async throws {
        try await MessagingFixture.run { service in
            // When alice says hello for the first time
            let reply = try await service.call(.hello(token: service.token("alice")))
            // Then she is in #general, and only there
            guard case let .welcome(user, rooms) = reply else {
                Issue.record("expected a welcome, got \(reply)"); return
            }
            #expect(user == "alice")
            #expect(rooms.map(\.id) == [general])
            #expect(rooms.first?.kind == .publicRoom)
        }
    }

    @Test func leavingGeneralIsRememberedAcrossHellos() async throws {
        try await MessagingFixture.run { service in
            let alice = try await service.enter("alice")
            _ = try await service.call(.leaveRoom(token: alice, room: general))
            // Only a user's first contact joins #general
            _ = try await service.call(.hello(token: alice))
            #expect(try await service.rooms(alice).isEmpty)
        }
    }

    @Test func createJoinListAndLeaveAPublicRoom() async throws {
        try await MessagingFixture.run { service in
            let alice = try await service.enter("alice")
            let bob = try await service.enter("bob")
            // Given alice creates #Swift (names are compared without regard to case)
            let created = try await service.call(.createRoom(token: alice, name: "#Swift")).room
            #expect(created?.id == RoomID("#swift"))
            #expect(created?.memberCount == 1)
            // When bob joins it
            let joined = try await service.call(.joinRoom(token: bob, name: "#swift")).room
            // Then both are members, and it is in bob's list
            #expect(joined?.memberCount == 2)
            #expect(
                try await service.call(.listMembers(token: alice, room: RoomID("#swift"))).members == ["alice", "bob"])
            #expect(try await service.rooms(bob).map(\.name) == ["#general", "#swift"])
            // When bob leaves, he is no longer listed
            _ = try await service.call(.leaveRoom(token: bob, room: RoomID("#swift")))
            #expect(try await service.call(.listMembers(token: alice, room: RoomID("#swift"))).members == ["alice"])
            #expect(try await service.rooms(bob).map(\.name) == ["#general"])
        }
    }

    @Test func creatingAnExistingRoomIsRefused() async throws {
        try await MessagingFixture.run { service in
            let alice = try await service.enter("alice")
            #expect(await service.refusal(.createRoom(token: alice, name: "#general")) == .roomExists("#general"))
            #expect(await service.refusal(.joinRoom(token: alice, name: "#nowhere")) == .unknownRoom("#nowhere"))
        }
    }

    @Test func directConversationIsSharedByBothUsers() async throws {
        try await MessagingFixture.run { service in
            let alice = try await service.enter("alice")
            let bob = try await service.enter("bob")
            // When alice opens a conversation with bob, and bob with alice
            let fromAlice = try await service.call(.openDirect(token: alice, user: "bob")).room!
            let fromBob = try await service.call(.openDirect(token: bob, user: "@Alice")).room!
            // Then it is one room, named for the other person on each side
            #expect(fromAlice.id == fromBob.id)
            #expect(fromAlice.kind == .direct)
            #expect(fromAlice.name == "bob")
            #expect(fromBob.name == "alice")
            #expect(fromAlice.memberCount == 2)
            #expect(try await service.rooms(bob).map(\.name) == ["#general", "alice"])
            #expect(await service.refusal(.leaveRoom(token: bob, room: fromBob.id)) == .cannotLeaveDirect(fromBob.id))
        }
    }

    @Test func directConversationNeedsAUserMessagingHasSeen() async throws {
        try await MessagingFixture.run { service in
            let alice = try await service.enter("alice")
            #expect(await service.refusal(.openDirect(token: alice, user: "carol")) == .unknownUser("carol"))
            #expect(await service.refusal(.openDirect(token: alice, user: "alice")) == .cannotMessageYourself)
            #expect(await service.refusal(.openDirect(token: alice, user: "no one")) == .invalidUserName("no one"))
            #expect(try await service.rooms(alice).map(\.name) == ["#general"])
        }
    }
}
