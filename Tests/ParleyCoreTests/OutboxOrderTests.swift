import Foundation
import ParleyContracts
import ParleyCore
import ServiceRuntime
import Testing

/// The order the user typed is the order messages are stored, through restarts of messaging and of the app
/// (issue 9, defect 2): at most one send in flight per room, what waits behind it goes next.
struct OutboxOrderTests {
    /// Messaging as the app sees it: requests answered one at a time in the order they were made (the app
    /// has one queue per service), refused while it is down, each id stored once.
    struct MessagingDouble {
        var isUp = true
        private(set) var stored: [String] = []
        private var storedIDs: Set<MessageID> = []
        private var waiting: [MessagingRequest] = []
        /// The most sends of one room that were ever waiting for their answers at once.
        private(set) var mostInFlightInOneRoom = 0

        mutating func take(_ effects: [AppEffect]) {
            for case let .messaging(request) in effects {
                waiting.append(request)
                let rooms = waiting.flatMap { Set($0.sentRooms) }
                let counts = Dictionary(rooms.map { ($0, 1) }, uniquingKeysWith: +)
                mostInFlightInOneRoom = max(mostInFlightInOneRoom, counts.values.max() ?? 0)
            }
        }

        /// Answers the oldest request and hands the answer to the app; false if none was waiting.
        @discardableResult
        mutating func answerOne(_ state: inout AppState) -> Bool {
            guard !waiting.isEmpty else { return false }
            let request = waiting.removeFirst()
            guard isUp else {
                take(update(&state, .messagingReplied(request, .failure(.unavailable(service: "messaging")))))
                return true
            }
            let reply: MessagingReply
            switch request {
            case let .send(_, room, id, text, _, _):
                reply = .message(store(OutgoingMessage(room: room, id: id, text: text)))
            case let .sendBatch(_, messages):
                reply = .batch(messages.map { .success(store($0)) })
            default:
                return true
            }
            take(update(&state, .messagingReplied(request, .success(reply))))
            return true
        }

        mutating func answerAll(_ state: inout AppState) {
            while answerOne(&state) {}
        }

        private mutating func store(_ message: OutgoingMessage) -> ChatMessage {
            if storedIDs.insert(message.id).inserted { stored.append(message.text) }
            return ChatMessage(
                id: message.id, room: message.room, sender: "alice", text: message.text, sentAt: Date(),
                sequence: Int64(stored.count + 1))
        }
    }

    @Test func messagesAreStoredInTheOrderTypedThroughRestartsOfMessagingAndOfTheApp() {
        var state = OutboxFlowTests.signedIn(messaging: .running)
        var messaging = MessagingDouble()
        for number in 1...5 { messaging.take(ChatFlowTests.type("r\(number)", into: &state)) }
        messaging.answerAll(&state)

        // A restart quicker than the status updates: r6 fails on the way down, r7 and r8 would find it up.
        messaging.isUp = false
        for number in 6...8 { messaging.take(ChatFlowTests.type("r\(number)", into: &state)) }
        messaging.answerOne(&state)
        messaging.isUp = true
        messaging.answerAll(&state)
        for number in 9...10 { messaging.take(ChatFlowTests.type("r\(number)", into: &state)) }
        messaging.answerAll(&state)

        // Messaging stops, r11 to r15 wait in the outbox, and the app quits.
        messaging.take(update(&state, OutboxFlowTests.messaging(.stopped)))
        for number in 11...15 { messaging.take(ChatFlowTests.type("r\(number)", into: &state)) }
        messaging.answerAll(&state)

        // The app starts again; the outbox is read back at sign-in and messaging is up.
        var next = OutboxFlowTests.signedIn(messaging: .running)
        messaging.take(update(&next, .outboxLoaded(user: "alice", messages: state.chat.pending)))
        messaging.answerAll(&next)

        #expect(messaging.stored == (1...15).map { "r\($0)" })
        #expect(messaging.mostInFlightInOneRoom == 1)
        #expect(next.chat.pending.isEmpty)
    }

    @Test func roomsDoNotWaitForEachOther() {
        var state = OutboxFlowTests.signedIn(messaging: .running)
        let first = ChatFlowTests.type("in general", into: &state)
        _ = update(&state, .input(.key(.alt("2"))))
        let second = ChatFlowTests.type("in random", into: &state)
        #expect(first.count == 1)
        #expect(
            second == [
                .messaging(
                    .send(token: "tok", room: ChatFlowTests.random.id, id: MessageID("c-2"), text: "in random"))
            ])
    }
}

extension MessagingRequest {
    /// The rooms a send or batch puts messages in, one entry per message.
    fileprivate var sentRooms: [RoomID] {
        switch self {
        case let .send(_, room, _, _, _, _): [room]
        case let .sendBatch(_, messages): messages.map(\.room)
        default: []
        }
    }
}
