import Foundation
import ParleyContracts
import ParleyCore
import ServiceRuntime
import Testing

/// The outbox: what is sent while messaging is off waits, marked pending, and goes in order when it is back.
struct OutboxFlowTests {
    static let general = ChatFlowTests.general.id

    /// Signed in, in #general, with the services' statuses known and messaging `messaging`.
    static func signedIn(messaging: ServiceState) -> AppState {
        var state = ChatFlowTests.signedIn()
        state.services = [
            ServiceStatus(name: "account", state: .running), ServiceStatus(name: "messaging", state: messaging),
        ]
        return state
    }

    static func messaging(_ serviceState: ServiceState) -> AppMsg {
        .serviceStatus(ServiceStatus(name: "messaging", state: serviceState))
    }

    @Test func whileMessagingIsOffMessagesWaitAndGoInOrderWhenItIsBack() {
        var state = Self.signedIn(messaging: .stopped)
        #expect(ChatFlowTests.type("first", into: &state) == [])
        #expect(ChatFlowTests.type("second", into: &state) == [])
        #expect(state.input.isEmpty)
        #expect(state.chat.pending.map(\.text) == ["first", "second"])
        #expect(state.chat.pending.map(\.isQueued) == [true, true])
        #expect(state.notice == "messaging unavailable: your message waits in the outbox and goes when it is back")

        #expect(update(&state, Self.messaging(.starting)) == [])
        let sent = update(&state, Self.messaging(.running))
        #expect(
            sent == [
                .messaging(.send(token: "tok", room: Self.general, id: MessageID("c-1"), text: "first")),
                .messaging(.send(token: "tok", room: Self.general, id: MessageID("c-2"), text: "second")),
            ])
        #expect(state.chat.pending.map(\.isQueued) == [false, false])
        // A status that says running again sends nothing twice.
        #expect(update(&state, Self.messaging(.running)) == [])
    }

    @Test func aSendRefusedBecauseMessagingWentOffWaitsInTheOutbox() {
        var state = Self.signedIn(messaging: .running)
        let effects = ChatFlowTests.type("in flight", into: &state)
        guard case let .messaging(request) = effects.first else {
            Issue.record("no send")
            return
        }
        _ = update(&state, .messagingReplied(request, .failure(.unavailable(service: "messaging"))))
        #expect(state.input.isEmpty)
        #expect(state.chat.pending.map(\.isQueued) == [true])
        _ = update(&state, Self.messaging(.stopped))
        #expect(update(&state, Self.messaging(.running)) == [.messaging(request)])
    }

    @Test func whatWasLeftLastTimeGoesFirstAtSignIn() {
        var state = Self.signedIn(messaging: .running)
        let left = PendingMessage(id: MessageID("old-7"), room: Self.general, text: "from yesterday")
        let effects = update(&state, .outboxLoaded(user: "alice", messages: [left]))
        #expect(
            effects == [
                .messaging(.send(token: "tok", room: Self.general, id: MessageID("old-7"), text: "from yesterday"))
            ])
        #expect(state.notice == "1 unsent message from last time in the outbox")
        // Someone else's outbox, read back after they signed out, is not ours to send.
        #expect(update(&state, .outboxLoaded(user: "bob", messages: [left])) == [])
    }

    @Test func aReplyAndAnAttachmentKeepWhatTheyCarryWhileTheyWait() {
        var state = Self.signedIn(messaging: .stopped)
        let file = AttachmentReference(id: "abc", name: "cat.png", size: 3, mediaType: "image/png")
        var stored = ChatFlowTests.message("m9", "earlier", 9)
        stored.sender = "bob"
        _ = update(&state, .messagingEvent(.messagePosted(stored)))
        _ = ChatFlowTests.type("/reply agreed", into: &state)
        guard case let .attachment(importing)? = ChatFlowTests.type("/attach /tmp/cat.png", into: &state).first else {
            Issue.record("no import")
            return
        }
        _ = update(
            &state,
            .attachmentReplied(
                importing, .success(.imported(ImportedAttachment(reference: file, wasAlreadyStored: false)))))
        #expect(state.chat.pending.map(\.replyTo) == [MessageID("m9"), nil])
        #expect(state.chat.pending.map(\.attachments) == [[], [file]])
    }
}
