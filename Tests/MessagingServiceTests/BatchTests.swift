import ParleyContracts
import ParleyTestKit
import Testing

/// A batch is stored in one transaction, with each room's membership checked once: the outcomes must still
/// be those of sending each message alone.
@Suite(.timeLimit(.minutes(1)))
struct BatchTests {
    @Test func aBatchAcrossRoomsRefusesOnlyTheMessagesForRoomsOneIsNotIn() async throws {
        try await MessagingFixture.run { service in
            let alice = try await service.enter("alice")
            let mallory = try await service.enter("mallory")
            // Given a room of alice's that mallory is not in, and one mallory made
            let secret = try await service.call(.createRoom(token: alice, name: "#secret")).room!.id
            let own = try await service.call(.createRoom(token: mallory, name: "#mine")).room!.id
            let nowhere = RoomID("#nowhere")
            // When mallory's batch interleaves them with an unknown room
            let rooms = [general, secret, own, nowhere, secret, general]
            let messages = rooms.enumerated().map { index, room in
                OutgoingMessage(room: room, id: MessageID("m-\(index)"), text: "word\(index)")
            }
            let outcomes = try await service.call(.sendBatch(token: mallory, messages: messages)).outcomes!
            // Then each is refused or stored as it would have been alone, in order
            #expect(try outcomes[0].get().room == general)
            #expect(outcomes[1] == .failure(.notAMember(secret)))
            #expect(try outcomes[2].get().room == own)
            #expect(outcomes[3] == .failure(.unknownRoom(nowhere.rawValue)))
            #expect(outcomes[4] == .failure(.notAMember(secret)))
            #expect(try outcomes[5].get().text == "word5")
            // And nothing reached the secret room, while the rest is stored and searchable
            #expect(try await service.history(alice, secret).messages == [])
            #expect(try await service.history(mallory, general).messages.map(\.text) == ["word0", "word5"])
            #expect(
                try await service.call(.search(token: mallory, text: "word2")).found?.map(\.id) == [MessageID("m-2")])
        }
    }

    @Test func anIDRepeatedWithinOneBatchIsStoredOnce() async throws {
        try await MessagingFixture.run { service in
            let alice = try await service.enter("alice")
            let elsewhere = try await service.call(.createRoom(token: alice, name: "#elsewhere")).room!.id
            // When one batch carries the same message twice, and the same id for another room
            let messages = [
                OutgoingMessage(room: general, id: MessageID("d-1"), text: "once"),
                OutgoingMessage(room: general, id: MessageID("d-1"), text: "once"),
                OutgoingMessage(room: elsewhere, id: MessageID("d-1"), text: "not here"),
            ]
            let outcomes = try await service.call(.sendBatch(token: alice, messages: messages)).outcomes!
            // Then the repeat gets the stored message back, the other room's is refused, and one message is stored
            let stored = try outcomes[0].get()
            #expect(try outcomes[1].get() == stored)
            #expect(outcomes[2] == .failure(.messageIDTaken(MessageID("d-1"))))
            #expect(try await service.history(alice, general).messages == [stored])
            #expect(try await service.history(alice, elsewhere).messages == [])
            #expect(try await service.call(.search(token: alice, text: "once")).found == [stored])
        }
    }

    @Test func eachMessageOfABatchIsAnEventInTheOtherInstance() async throws {
        try await MessagingFixture.runPair { first, second in
            let alice = try await first.enter("alice")
            try await second.enter("bob")
            let bobSees = second.host.events()
            // When alice's batch of ten is stored by the first instance
            let messages = (0..<10).map {
                OutgoingMessage(room: general, id: MessageID("e-\($0)"), text: "n\u{0}\($0)")
            }
            let outcomes = try await first.call(.sendBatch(token: alice, messages: messages)).outcomes!
            let sent = try outcomes.map { try $0.get() }
            // Then bob's instance publishes every one of them, in order, text and all
            let gathered = Gathered()
            _ = await firstElement(of: bobSees) { event in
                if case .messagePosted = event { gathered.append(event) }
                return event == .messagePosted(sent.last!)
            }
            #expect(gathered.events == sent.map { .messagePosted($0) })
        }
    }
}
