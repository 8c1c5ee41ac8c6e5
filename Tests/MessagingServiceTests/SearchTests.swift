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

    @Test func searchPagesToTheLastMatchPastTheLimitOfOnePage() async throws {
        try await MessagingFixture.run { service in
            let alice = try await service.enter("alice")
            let bob = try await service.enter("bob")
            // Given 1,203 matches in #general and a match in a room bob is not in
            let secret = try await service.call(.createRoom(token: alice, name: "#secret")).room!
            let hidden = try await service.send(alice, secret.id, "tea in secret")
            let messages = (0..<1_203).map { index in
                OutgoingMessage(room: general, id: MessageID("tea-\(index)"), text: "tea number \(index)")
            }
            for batch in stride(from: 0, to: messages.count, by: 500) {
                let slice = Array(messages[batch..<min(messages.count, batch + 500)])
                _ = try await service.call(.sendBatch(token: alice, messages: slice))
            }
            // When bob pages through them 500 at a time, each page after the last message of the one before
            var found: [MessageID] = []
            var before: MessageID?
            var pages = 0
            repeat {
                let page = try await service.call(.search(token: bob, text: "tea", limit: 500, before: before)).found
                found += page?.map(\.id) ?? []
                before = page?.last?.id
                pages += 1
            } while before != nil && pages < 10
            // Then he sees every match once, newest first, and nothing from the room he is not in
            #expect(found == messages.reversed().map(\.id))
            #expect(pages == 4)
            // And a cursor in a room he cannot see is refused like any unknown message
            #expect(
                await service.refusal(.search(token: bob, text: "tea", before: hidden.id)) == .unknownMessage(hidden.id)
            )
        }
    }
}
