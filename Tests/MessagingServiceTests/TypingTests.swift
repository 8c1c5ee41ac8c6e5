import ParleyContracts
import ParleyTestKit
import Testing

/// Typing notices on the local store: told live to every instance on the data directory, with the whole list
/// of who is typing; taken back by saying so; refused outside the caller's rooms.
@Suite(.timeLimit(.minutes(1)))
struct TypingTests {
    @Test func typingIsToldLiveToTheOtherInstanceAndTakenBack() async throws {
        try await MessagingFixture.runPair { first, second in
            let alice = try await first.enter("alice")
            let bob = try await second.enter("bob")
            let aliceSees = first.host.events()
            #expect(try await second.call(.typing(token: bob, room: general, isTyping: true)) == .accepted)
            let typing = MessagingEvent.typing(room: general, users: ["bob"])
            #expect(await firstElement(of: aliceSees) { $0 == typing } != nil)
            _ = try await first.call(.typing(token: alice, room: general, isTyping: true))
            let both = MessagingEvent.typing(room: general, users: ["alice", "bob"])
            #expect(await firstElement(of: aliceSees) { $0 == both } != nil)
            _ = try await second.call(.typing(token: bob, room: general, isTyping: false))
            let aliceOnly = MessagingEvent.typing(room: general, users: ["alice"])
            #expect(await firstElement(of: aliceSees) { $0 == aliceOnly } != nil)
        }
    }

    @Test func typingInARoomOfOthersIsRefused() async throws {
        try await MessagingFixture.run { service in
            let alice = try await service.enter("alice")
            let bob = try await service.enter("bob")
            let room = try await service.call(.createRoom(token: alice, name: "#private")).room!.id
            #expect(await service.refusal(.typing(token: bob, room: room, isTyping: true)) == .notAMember(room))
        }
    }
}
