import Foundation
import ParleyContracts
import ParleyCore
import ServiceRuntime
import Testing

/// `/attach` while the attachment service is off (issue 12; DESIGN's degraded modes): the file waits in the
/// outbox, shown pending, and goes when the service is back, ahead of what was written after it.
struct QueuedFileTests {
    static let general = ChatFlowTests.general.id
    static let file = AttachmentReference(id: "abc", name: "cat.png", size: 3, mediaType: "image/png")

    static func signedIn(attachment: ServiceState) -> AppState {
        var state = ChatFlowTests.signedIn()
        state.services = [
            ServiceStatus(name: "messaging", state: .running), ServiceStatus(name: "attachment", state: attachment),
        ]
        return state
    }

    static func attachment(_ serviceState: ServiceState) -> AppMsg {
        .serviceStatus(ServiceStatus(name: "attachment", state: serviceState))
    }

    @Test func aFileAttachedWhileTheServiceIsOffWaitsAndGoesWhenItIsBack() {
        var state = Self.signedIn(attachment: .stopped)
        #expect(ChatFlowTests.type("/attach /tmp/cat.png", into: &state) == [])
        #expect(state.chat.pending.map(\.summary) == ["📎 cat.png"])
        #expect(state.chat.pending.map(\.isQueued) == [true])
        #expect(state.notice == "attachment unavailable: /tmp/cat.png waits in the outbox and goes when it is back")
        // Written after it, a message waits behind the file.
        #expect(ChatFlowTests.type("look at this", into: &state) == [])

        let importing = AttachmentRequest.importFile(
            token: "tok", path: "/tmp/cat.png", transfer: TransferID(rawValue: "c-1-file"))
        #expect(update(&state, Self.attachment(.running)) == [.attachment(importing)])
        let imported = update(
            &state,
            .attachmentReplied(
                importing, .success(.imported(ImportedAttachment(reference: Self.file, wasAlreadyStored: false)))))
        #expect(
            imported == [
                .attachment(.bind(token: "tok", attachment: "abc", room: Self.general, message: MessageID("c-1"))),
                .messaging(
                    .sendBatch(
                        token: "tok",
                        messages: [
                            OutgoingMessage(
                                room: Self.general, id: MessageID("c-1"), text: "", attachments: [Self.file]),
                            OutgoingMessage(room: Self.general, id: MessageID("c-2"), text: "look at this"),
                        ])),
            ])
    }

    @Test func aFileLeftInTheOutboxLastTimeIsTakenInAtSignIn() {
        var state = Self.signedIn(attachment: .running)
        let left = PendingMessage(id: MessageID("old-3"), room: Self.general, text: "", file: "/tmp/cat.png")
        #expect(
            update(&state, .outboxLoaded(user: "alice", messages: [left]))
                == [
                    .attachment(
                        .importFile(token: "tok", path: "/tmp/cat.png", transfer: TransferID(rawValue: "old-3-file")))
                ])
    }

    @Test func aServiceThatWentOffBeforeTheImportQueuesTheFileInsteadOfRefusing() {
        var state = Self.signedIn(attachment: .running)
        guard case let .attachment(importing)? = ChatFlowTests.type("/attach /tmp/cat.png", into: &state).first else {
            Issue.record("no import")
            return
        }
        _ = update(&state, .attachmentReplied(importing, .failure(.unavailable(service: "attachment"))))
        #expect(state.input.isEmpty)
        #expect(state.chat.pending.map(\.summary) == ["📎 cat.png"])
    }

    @Test func aQueuedFileRefusedWhenTakenInComesBackAsTheCommand() {
        var state = Self.signedIn(attachment: .stopped)
        _ = ChatFlowTests.type("/attach /tmp/gone.png", into: &state)
        guard case let .attachment(importing)? = update(&state, Self.attachment(.running)).first else {
            Issue.record("no import")
            return
        }
        _ = update(&state, .attachmentReplied(importing, .failure(.refused(.notFound(path: "/tmp/gone.png")))))
        #expect(state.chat.pending.isEmpty)
        #expect(state.input.text == "/attach /tmp/gone.png")
        #expect(state.notice?.hasPrefix("not attached: ") == true)
    }
}
