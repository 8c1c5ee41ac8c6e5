import ParleyContracts
import ParleyTestKit
import Testing

@Suite(.timeLimit(.minutes(1)))
struct SearchTests {
    @Test func searchFindsWordsOnlyInTheCallersRooms() async throws {
        try await MessagingFixture.run { service in
            let alice = try await service.enter("alice")
            let bob = try await service.enter("bob")
            // Given a secret room of alice's and a message in #general
            let secret = try await service.call(.createRoom(token: alice, name: "#secret")).room!
            let hidden = try await service.send(alice, secret.id, "the launch code is banana")
            let open = try await service.send(alice, general, "Bananas and a banana split")
            // Then alice finds both, newest first, and bob only the one in #general
            #expect(try await service.call(.search(token: alice, text: "banana")).found == [open, hidden])
            #expect(try await service.call(.search(token: bob, text: "banana")).found == [open])
            // Every word must match
            #expect(try await service.call(.search(token: alice, text: "launch banana")).found == [hidden])
            // And a search may be limited to one room
            #expect(try await service.call(.search(token: alice, text: "banana", room: general)).found == [open])
        }
    }

    @Test(arguments: ["\"unbalanced", "NEAR(a b)", "a OR", "col:word", "*", "(", "-x"])
    func querySyntaxIsTakenAsPlainWords(text: String) async throws {
        try await MessagingFixture.run { service in
            let alice = try await service.enter("alice")
            _ = try await service.send(alice, general, "nothing to see")
            #expect(try await service.call(.search(token: alice, text: text)).found == [])
        }
    }

    @Test func editedAndDeletedTextIsSearchedAsItIsNow() async throws {
        try await MessagingFixture.run { service in
            let alice = try await service.enter("alice")
            let first = try await service.send(alice, general, "apple")
            let second = try await service.send(alice, general, "cherry")
            _ = try await service.call(.edit(token: alice, message: first.id, text: "pear"))
            _ = try await service.call(.delete(token: alice, message: second.id))
            #expect(try await service.call(.search(token: alice, text: "apple")).found == [])
            #expect(try await service.call(.search(token: alice, text: "cherry")).found == [])
            #expect(try await service.call(.search(token: alice, text: "pear")).found?.map(\.id) == [first.id])
        }
    }
}
