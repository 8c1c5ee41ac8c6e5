import ParleyContracts
import ParleyTestKit
import Testing

@Suite(.timeLimit(.minutes(1)))
struct BadInputTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let label: String
        /// Builds the request from alice's token and a message of hers in #general.
        let request: @Sendable (Given) -> MessagingRequest
        let expected: MessagingError
        var testDescription: String { label }
    }

    struct Given {
        let token: String
        let existing: MessageID
    }

    static let oversized = String(repeating: "x", count: ChatMessage.maximumTextBytes + 1)

    static let cases: [Case] = [
        Case(
            label: "empty text", request: { .send(token: $0.token, room: general, id: MessageID("n-1"), text: "") },
            expected: .emptyMessage),
        Case(
            label: "whitespace only",
            request: { .send(token: $0.token, room: general, id: MessageID("n-1"), text: " \n\t ") },
            expected: .emptyMessage),
        Case(
            label: "over 64 KiB",
            request: { .send(token: $0.token, room: general, id: MessageID("n-1"), text: oversized) },
            expected: .messageTooLong(bytes: ChatMessage.maximumTextBytes + 1, limit: ChatMessage.maximumTextBytes)),
        Case(
            label: "empty id", request: { .send(token: $0.token, room: general, id: MessageID(""), text: "hi") },
            expected: .invalidMessageID(MessageID(""))),
        Case(
            label: "id with a space",
            request: { .send(token: $0.token, room: general, id: MessageID("a b"), text: "hi") },
            expected: .invalidMessageID(MessageID("a b"))),
        Case(
            label: "unknown room",
            request: { .send(token: $0.token, room: RoomID("#void"), id: MessageID("n-1"), text: "hi") },
            expected: .unknownRoom("#void")),
        Case(
            label: "reply to unknown",
            request: {
                .send(token: $0.token, room: general, id: MessageID("n-1"), text: "hi", replyTo: MessageID("ghost"))
            }, expected: .unknownMessage(MessageID("ghost"))),
        Case(
            label: "edit to empty", request: { .edit(token: $0.token, message: $0.existing, text: "   ") },
            expected: .emptyMessage),
        Case(
            label: "edit unknown", request: { .edit(token: $0.token, message: MessageID("ghost"), text: "x") },
            expected: .unknownMessage(MessageID("ghost"))),
        Case(
            label: "delete unknown", request: { .delete(token: $0.token, message: MessageID("ghost")) },
            expected: .unknownMessage(MessageID("ghost"))),
        Case(
            label: "room name too short", request: { .createRoom(token: $0.token, name: "#a") },
            expected: .invalidRoomName("#a")),
        Case(
            label: "room name with space", request: { .createRoom(token: $0.token, name: "#a room") },
            expected: .invalidRoomName("#a room")),
        Case(
            label: "room name too long",
            request: { .createRoom(token: $0.token, name: "#" + String(repeating: "r", count: 33)) },
            expected: .invalidRoomName("#" + String(repeating: "r", count: 33))),
        Case(
            label: "room name with control", request: { .createRoom(token: $0.token, name: "#bad\u{1B}") },
            expected: .invalidRoomName("#bad\u{1B}")),
        Case(
            label: "leave unknown room", request: { .leaveRoom(token: $0.token, room: RoomID("#void")) },
            expected: .unknownRoom("#void")),
        Case(
            label: "history of unknown room", request: { .history(token: $0.token, room: RoomID("#void")) },
            expected: .unknownRoom("#void")),
        Case(
            label: "unknown user", request: { .openDirect(token: $0.token, user: "nobody") },
            expected: .unknownUser("nobody")),
        Case(label: "empty search", request: { .search(token: $0.token, text: "  ") }, expected: .emptySearch),
        Case(
            label: "mark read with unknown message",
            request: {
                .markRead(token: $0.token, room: general, upTo: MessageID("ghost"))
            }, expected: .unknownMessage(MessageID("ghost"))),
    ]

    @Test(arguments: cases)
    func badInputIsRefusedWithOneSentenceAndChangesNothing(_ badCase: Case) async throws {
        try await MessagingFixture.run { service in
            let alice = try await service.enter("alice")
            let existing = try await service.send(alice, general, "before")
            let roomsBefore = try await service.rooms(alice)
            // When the bad request comes
            let refusal = await service.refusal(badCase.request(Given(token: alice, existing: existing.id)))
            // Then it is refused with its own sentence
            #expect(refusal == badCase.expected)
            let sentence = refusal.map(String.init(describing:)) ?? ""
            #expect(!sentence.isEmpty && !sentence.contains("\n"))
            // And nothing changed
            #expect(try await service.history(alice, general).messages == [existing])
            #expect(try await service.rooms(alice) == roomsBefore)
        }
    }
}
