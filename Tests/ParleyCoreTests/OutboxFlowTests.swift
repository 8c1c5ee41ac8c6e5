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
        // Both in one batch, which the service stores in order.
        #expect(
            sent == [
                .messaging(
                    .sendBatch(
                        token: "tok",
                        messages: [
                            OutgoingMessage(room: Self.general, id: MessageID("c-1"), text: "first"),
                            OutgoingMessage(room: Self.general, id: MessageID("c-2"), text: "second"),
                        ]))
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

    /// A restart quicker than the status updates: the app never sees messaging down, and the failure of the
    /// send in flight comes in after messaging is running again. The message must still go, and first.
    @Test func aSendThatFailedAcrossAQuickRestartGoesAgainAheadOfNewOnes() {
        var state = Self.signedIn(messaging: .running)
        guard case let .messaging(first)? = ChatFlowTests.type("first", into: &state).first else {
            Issue.record("no send")
            return
        }
        _ = update(&state, Self.messaging(.running))
        #expect(update(&state, .messagingReplied(first, .failure(.unavailable(service: "messaging")))) == [])
        let second = ChatFlowTests.type("second", into: &state)
        #expect(
            second == [
                .messaging(
                    .sendBatch(
                        token: "tok",
                        messages: [
                            OutgoingMessage(room: Self.general, id: MessageID("c-1"), text: "first"),
                            OutgoingMessage(room: Self.general, id: MessageID("c-2"), text: "second"),
                        ]))
            ])
        #expect(state.chat.pending.map(\.isQueued) == [false, false])
    }

    @Test func aTimedOutSendGoesAgainOnTheClockWithTheSameId() {
        var state = Self.signedIn(messaging: .running)
        guard case let .messaging(sent)? = ChatFlowTests.type("slow", into: &state).first else {
            Issue.record("no send")
            return
        }
        _ = update(&state, .messagingReplied(sent, .failure(.failed("messaging did not answer within 5s"))))
        #expect(state.chat.pending.map(\.isQueued) == [true])
        #expect(state.notice == "messaging did not answer within 5s; your message waits in the outbox to go again")
        #expect(update(&state, .tick(Date())).contains(.messaging(sent)))
    }

    @Test func aRefusedSendGoesBackToTheInputLineOrTheHistory() {
        var state = Self.signedIn(messaging: .running)
        guard case let .messaging(sent)? = ChatFlowTests.type("refused words", into: &state).first else {
            Issue.record("no send")
            return
        }
        let refusal = AppMsg.messagingReplied(sent, .failure(.refused(.notAMember(Self.general))))
        var busy = state
        _ = update(&state, refusal)
        #expect(state.input.text == "refused words")
        #expect(state.chat.pending.isEmpty)

        // Something else is being written: it stays, and the refused text is one Up away.
        for character in "other" { _ = update(&busy, .input(.key(.character(character)))) }
        _ = update(&busy, refusal)
        #expect(busy.input.text == "other")
        #expect(busy.notice?.hasSuffix("; Up brings the text back") == true)
        _ = update(&busy, .input(.key(.up)))
        #expect(busy.input.text == "refused words")
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

    /// What another instance left, taken in while this one runs, joins the list where the outbox puts it, not
    /// ahead of everything: a message this instance holds keeps its place between the others (issue 9).
    @Test func messagesTakenInWhileRunningKeepTheOutboxOrderAmongThoseHeld() {
        var state = Self.signedIn(messaging: .stopped)
        _ = ChatFlowTests.type("mine", into: &state)
        let mine = state.chat.pending[0]
        let earlier = PendingMessage(id: MessageID("gone-1"), room: Self.general, text: "written before mine")
        let later = PendingMessage(id: MessageID("gone-2"), room: Self.general, text: "written after mine")
        #expect(update(&state, .outboxLoaded(user: "alice", messages: [earlier, mine, later])) == [])
        #expect(state.chat.pending.map(\.text) == ["written before mine", "mine", "written after mine"])
        #expect(state.chat.pending.map(\.isQueued) == [true, true, true])
        // Read again, nothing held is taken in twice.
        #expect(update(&state, .outboxLoaded(user: "alice", messages: [earlier, mine, later])) == [])
        #expect(state.chat.pending.count == 3)
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
