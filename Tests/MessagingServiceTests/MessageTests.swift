import ParleyContracts
import ParleyTestKit
import Testing

@Suite(.timeLimit(.minutes(1)))
struct MessageTests {
    @Test func aRetriedSendIsStoredOnce() async throws {
        try await MessagingFixture.run { service in
            let alice = try await service.enter("alice")
            // When the same send arrives twice (a retry after a lost reply)
            let first = try await service.send(alice, general, "hello", id: MessageID("m-1"))
            let retry = try await service.send(alice, general, "hello", id: MessageID("m-1"))
            // Then it is stored once and both replies name the same message
            #expect(first == retry)
            #expect(try await service.history(alice, general).messages.map(\.id) == [MessageID("m-1")])
        }
    }

    @Test func anotherSendersIDIsNotTaken() async throws {
        try await MessagingFixture.run { service in
            let alice = try await service.enter("alice")
            let bob = try await service.enter("bob")
            _ = try await service.send(alice, general, "mine", id: MessageID("m-1"))
            #expect(
                await service.refusal(.send(token: bob, room: general, id: MessageID("m-1"), text: "yours"))
                    == .messageIDTaken(MessageID("m-1")))
            #expect(try await service.history(bob, general).messages.map(\.text) == ["mine"])
        }
    }

    @Test(arguments: [
        "tab\there", "bell\u{07} escape\u{1B}[31m red", "  padded  ", "line one\nline two", "👩‍💻 ok", "nul\u{0}inside",
    ])
    func textIsStoredExactlyAsSent(text: String) async throws {
        try await MessagingFixture.run { service in
            let alice = try await service.enter("alice")
            let sent = try await service.send(alice, general, text)
            #expect(sent.text == text)
            #expect(try await service.history(alice, general).messages.first?.text == text)
        }
    }

    @Test func editAndDeleteOwnMessagesOthersSeeTheResult() async throws {
        try await MessagingFixture.run { service in
            let alice = try await service.enter("alice")
            let bob = try await service.enter("bob")
            let original = try await service.send(alice, general, "helo")
            // When alice edits her message
            let edited = try await service.call(.edit(token: alice, message: original.id, text: "hello")).message!
            // Then bob sees the new text, marked edited
            let seenByBob = try await service.history(bob, general).messages.first!
            #expect(seenByBob.text == "hello")
            #expect(seenByBob.editedAt != nil)
            #expect(seenByBob == edited)
            // When she deletes it, a tombstone keeps its place
            _ = try await service.call(.delete(token: alice, message: original.id))
            let tombstone = try await service.history(bob, general).messages.first!
            #expect(tombstone.id == original.id)
            #expect(tombstone.isDeleted)
            #expect(tombstone.text.isEmpty)
            #expect(
                await service.refusal(.edit(token: alice, message: original.id, text: "again"))
                    == .messageDeleted(original.id))
        }
    }

    @Test func othersMessagesCannotBeEditedOrDeleted() async throws {
        try await MessagingFixture.run { service in
            let alice = try await service.enter("alice")
            let bob = try await service.enter("bob")
            let message = try await service.send(alice, general, "mine")
            #expect(
                await service.refusal(.edit(token: bob, message: message.id, text: "his"))
                    == .notYourMessage(message.id))
            #expect(await service.refusal(.delete(token: bob, message: message.id)) == .notYourMessage(message.id))
            #expect(try await service.history(alice, general).messages == [message])
        }
    }

    @Test func aReplyNamesItsMessageInTheSameRoom() async throws {
        try await MessagingFixture.run { service in
            let alice = try await service.enter("alice")
            let bob = try await service.enter("bob")
            let question = try await service.send(alice, general, "lunch?")
            let answer = try await service.send(bob, general, "yes", replyTo: question.id)
            #expect(answer.replyTo == question.id)
            // A reply to a message in another room is refused
            let elsewhere = try await service.call(.createRoom(token: alice, name: "#elsewhere")).room!
            #expect(
                await service.refusal(
                    .send(token: alice, room: elsewhere.id, id: MessageID("r-2"), text: "no", replyTo: question.id))
                    == .unknownMessage(question.id))
        }
    }

    @Test func attachmentsTravelWithTheMessage() async throws {
        try await MessagingFixture.run { service in
            let alice = try await service.enter("alice")
            let file = AttachmentReference(
                id: String(repeating: "ab", count: 32), name: "cat.png", size: 1234, mediaType: "image/png")
            // A message carrying an attachment may have no text
            let sent = try await service.call(
                .send(token: alice, room: general, id: MessageID("a-1"), text: "", attachments: [file])
            ).message!
            #expect(sent.attachments == [file])
            #expect(try await service.history(alice, general).messages.first?.attachments == [file])
        }
    }

    @Test func aBatchStoresEachMessageOrRefusesItAlone() async throws {
        try await MessagingFixture.run { service in
            let alice = try await service.enter("alice")
            let stored = try await service.send(alice, general, "already here", id: MessageID("b-0"))
            // When an outbox flush sends a retry, two new messages (one replying to the other) and a bad one
            let reply = try await service.call(
                .sendBatch(
                    token: alice,
                    messages: [
                        OutgoingMessage(room: general, id: MessageID("b-0"), text: "already here"),
                        OutgoingMessage(room: general, id: MessageID("b-1"), text: "one"),
                        OutgoingMessage(room: general, id: MessageID("b-2"), text: " "),
                        OutgoingMessage(room: general, id: MessageID("b-3"), text: "two", replyTo: MessageID("b-1")),
                    ]))
            guard case let .batch(outcomes) = reply else { Issue.record("expected a batch, got \(reply)"); return }
            // Then each has its own outcome, in order, and only the good ones are stored, once
            #expect(outcomes.count == 4)
            #expect(try outcomes[0].get() == stored)
            #expect(try outcomes[1].get().text == "one")
            #expect(outcomes[2] == .failure(.emptyMessage))
            #expect(try outcomes[3].get().replyTo == MessageID("b-1"))
            #expect(try await service.history(alice, general).messages.map(\.text) == ["already here", "one", "two"])
            let tooMany = Array(
                repeating: OutgoingMessage(room: general, id: MessageID("x"), text: "x"),
                count: MessagingRequest.maximumBatch + 1)
            #expect(
                await service.refusal(.sendBatch(token: alice, messages: tooMany))
                    == .batchTooLarge(count: MessagingRequest.maximumBatch + 1, limit: MessagingRequest.maximumBatch))
        }
    }
}
