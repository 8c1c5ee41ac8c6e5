import ParleyContracts
import ParleyTestKit
import Testing

/// Reactions on the local store: given once per key and member, grouped in the order first given, taken back
/// with `unreact`, carried by history pages and published live to every instance on the data directory.
@Suite(.timeLimit(.minutes(1)))
struct ReactionTests {
    @Test func reactionsAreGroupedByKeyInTheOrderGivenAndKeptInHistory() async throws {
        try await MessagingFixture.run { service in
            let alice = try await service.enter("alice")
            let bob = try await service.enter("bob")
            let message = try await service.send(alice, general, "lunch at noon?")
            // When bob gives 👍 twice, alice 👍 and 🎉
            _ = try await service.call(.react(token: bob, message: message.id, key: "👍"))
            _ = try await service.call(.react(token: bob, message: message.id, key: "👍"))
            _ = try await service.call(.react(token: alice, message: message.id, key: "👍"))
            let reply = try await service.call(.react(token: alice, message: message.id, key: "🎉")).message
            // Then each key counts each member once, in the order first given
            let expected = [Reaction(key: "👍", users: ["bob", "alice"]), Reaction(key: "🎉", users: ["alice"])]
            #expect(reply?.reactions == expected)
            #expect(try await service.history(bob, general).messages.last?.reactions == expected)
            // And unreact takes back every one of the member's own
            let after = try await service.call(.unreact(token: alice, message: message.id)).message
            #expect(after?.reactions == [Reaction(key: "👍", users: ["bob"])])
        }
    }

    @Test func anEditKeepsTheReactions() async throws {
        try await MessagingFixture.run { service in
            let alice = try await service.enter("alice")
            let bob = try await service.enter("bob")
            let message = try await service.send(alice, general, "lunch at noon?")
            _ = try await service.call(.react(token: bob, message: message.id, key: "👍"))
            let edited = try await service.call(.edit(token: alice, message: message.id, text: "lunch at one?"))
            #expect(edited.message?.reactions == [Reaction(key: "👍", users: ["bob"])])
        }
    }

    @Test func badKeysDeletedMessagesAndOtherRoomsAreRefused() async throws {
        try await MessagingFixture.run { service in
            let alice = try await service.enter("alice")
            let bob = try await service.enter("bob")
            let message = try await service.send(alice, general, "hello")
            for key in ["", "two words", "\u{1B}[31m", String(repeating: "x", count: 65)] {
                #expect(
                    await service.refusal(.react(token: bob, message: message.id, key: key)) == .invalidReaction(key))
            }
            let room = try await service.call(.createRoom(token: alice, name: "#private")).room!.id
            let hidden = try await service.send(alice, room, "only alice")
            #expect(
                await service.refusal(.react(token: bob, message: hidden.id, key: "👀")) == .unknownMessage(hidden.id))
            _ = try await service.call(.delete(token: alice, message: message.id))
            #expect(
                await service.refusal(.react(token: bob, message: message.id, key: "👍"))
                    == .messageDeleted(message.id))
        }
    }

    @Test func reactionsArriveLiveAtTheOtherInstance() async throws {
        try await MessagingFixture.runPair { first, second in
            let alice = try await first.enter("alice")
            let bob = try await second.enter("bob")
            let aliceSees = first.host.events()
            let message = try await first.send(alice, general, "ship it?")
            _ = try await second.call(.react(token: bob, message: message.id, key: "🚀"))
            let given = MessagingEvent.reactionsChanged(
                room: general, message: message.id, reactions: [Reaction(key: "🚀", users: ["bob"])])
            #expect(await firstElement(of: aliceSees) { $0 == given } != nil)
            _ = try await second.call(.unreact(token: bob, message: message.id))
            let taken = MessagingEvent.reactionsChanged(room: general, message: message.id, reactions: [])
            #expect(await firstElement(of: aliceSees) { $0 == taken } != nil)
        }
    }
}
