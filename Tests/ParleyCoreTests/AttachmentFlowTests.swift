import Foundation
import ParleyContracts
import ParleyCore
import Testing

/// Attaching, saving, previewing and playing, driven through the pure `update`.
struct AttachmentFlowTests {
    static let png = AttachmentReference(
        id: String(repeating: "a", count: 64), name: "cat.png", size: 2_048, mediaType: "image/png")
    static let wav = AttachmentReference(
        id: String(repeating: "b", count: 64), name: "hi.wav", size: 9_000, mediaType: "audio/wav")

    static func withAttachments() -> AppState {
        var state = ChatFlowTests.signedIn()
        var message = ChatFlowTests.message("m7", "", 7)
        message.attachments = [png, wav]
        _ = update(&state, .messagingEvent(.messagePosted(message)))
        return state
    }

    @Test func attachImportsThenSendsAMessageCarryingTheFileAndBindsIt() {
        var state = ChatFlowTests.signedIn()
        let effects = ChatFlowTests.type("/attach /tmp/cat.png", into: &state)
        guard case let .attachment(.importFile(token, path, transfer))? = effects.first else {
            Issue.record("no import: \(effects)")
            return
        }
        #expect(token == "tok" && path == "/tmp/cat.png")
        let imported = ImportedAttachment(reference: Self.png, wasAlreadyStored: false)
        let sent = update(
            &state,
            .attachmentReplied(.importFile(token: "tok", path: path, transfer: transfer), .success(.imported(imported)))
        )
        #expect(
            sent == [
                .attachment(
                    .bind(
                        token: "tok", attachment: Self.png.id, room: ChatFlowTests.general.id, message: MessageID("c-2")
                    )),
                .messaging(
                    .send(
                        token: "tok", room: ChatFlowTests.general.id, id: MessageID("c-2"), text: "",
                        attachments: [Self.png])),
            ])
    }

    @Test func aFailedAttachSaysWhyAndLeavesTheCommandOneUpAway() throws {
        var state = ChatFlowTests.signedIn()
        let effects = ChatFlowTests.type("/attach /nope", into: &state)
        guard case let .attachment(request)? = effects.first else { throw ExpectedEffect.missing }
        _ = update(&state, .attachmentReplied(request, .failure(.refused(.notFound(path: "/nope")))))
        #expect(state.input.text == "")
        #expect(state.notice?.hasPrefix("not attached: ") == true)
        // The next command typed is not appended to the refused one.
        _ = ChatFlowTests.type("/attach /other", into: &state)
        _ = update(&state, .input(.key(.up)))
        _ = update(&state, .input(.key(.up)))
        #expect(state.input.text == "/attach /nope")
    }

    @Test func attachmentsAreNumberedInTheOrderSeen() {
        let state = Self.withAttachments()
        #expect(state.chat.number(of: Self.png) == 1)
        #expect(state.chat.number(of: Self.wav) == 2)
    }

    @Test func previewLocatesTheFileThenAsksMediaForCellsThatFitTheTimeline() {
        var state = Self.withAttachments()
        #expect(
            ChatFlowTests.type("/preview 1", into: &state) == [
                .attachment(.locate(token: "tok", attachment: Self.png.id))
            ])
        let url = URL(fileURLWithPath: "/data/attachments/\(Self.png.id)")
        let effects = update(
            &state, .attachmentReplied(.locate(token: "tok", attachment: Self.png.id), .success(.located(url))))
        #expect(
            effects == [
                .media(.preview(path: url.path, contentHash: Self.png.id, width: 78, height: 25, palette: .colors256))
            ])
        let preview = Preview(
            rows: [[Cell("█", foreground: .indexed(1))]], sourceWidth: 10, sourceHeight: 5, palette: .colors256)
        _ = update(
            &state,
            .mediaReplied(
                .preview(path: url.path, contentHash: Self.png.id, width: 78, height: 25, palette: .colors256),
                .success(.preview(preview))))
        #expect(state.chat.overlay?.title == "cat.png — 10x5 (Esc closes)")
        _ = update(&state, .input(.key(.escape)))
        #expect(state.chat.overlay == nil)
    }

    /// A homeserver's attachment is an `mxc://` URI stored under its content's hash: the path names nothing.
    @Test func aPreviewIsTitledWithTheAttachmentsNameWhereverItsFileIsStored() {
        var state = Self.withAttachments()
        _ = ChatFlowTests.type("/preview 1", into: &state)
        let url = URL(fileURLWithPath: "/data/attachments/0f1e2d3c")
        let effects = update(
            &state, .attachmentReplied(.locate(token: "tok", attachment: Self.png.id), .success(.located(url))))
        guard case let .media(request)? = effects.first else {
            Issue.record("no media request after locating: \(effects)")
            return
        }
        let preview = Preview(rows: [[Cell("█")]], sourceWidth: 1, sourceHeight: 1, palette: .colors256)
        _ = update(&state, .mediaReplied(request, .success(.preview(preview))))
        #expect(state.chat.overlay?.title == "cat.png — 1x1 (Esc closes)")
    }

    @Test func playingASoundGoesThroughMediaAndStopStopsIt() {
        var state = Self.withAttachments()
        _ = ChatFlowTests.type("/play 2", into: &state)
        let url = URL(fileURLWithPath: "/data/attachments/\(Self.wav.id)")
        let effects = update(
            &state, .attachmentReplied(.locate(token: "tok", attachment: Self.wav.id), .success(.located(url))))
        #expect(effects == [.media(.play(path: url.path))])
        let playback = Playback(path: url.path, player: "paplay", duration: .seconds(3))
        _ = update(&state, .mediaReplied(.play(path: url.path), .success(.playing(playback))))
        // The notice line follows the playback from here, whatever text a notice might have.
        #expect(state.chat.playing == PlaybackPosition(playback: playback, elapsed: .zero))
        #expect(state.notice == nil)
        #expect(ChatFlowTests.type("/stop", into: &state) == [.media(.stop)])
    }

    @Test func withMediaOffAPreviewIsOneLineSayingSo() {
        var state = Self.withAttachments()
        _ = update(&state, .mediaReplied(.play(path: "/x"), .failure(.unavailable(service: "media"))))
        #expect(state.notice == "media unavailable: previews and playback return when it is back")
    }

    @Test(arguments: [
        ("/save 3 /tmp/x", "no attachment 3; attachments are numbered 1 to 2"),
        ("/preview 0", "no attachment 0; attachments are numbered 1 to 2"),
    ])
    func aNumberNotShownIsRefused(_ line: String, _ notice: String) {
        var state = Self.withAttachments()
        #expect(ChatFlowTests.type(line, into: &state) == [])
        #expect(state.notice == notice)
    }

    @Test func saveAsksTheAttachmentServiceNeverToOverwrite() {
        var state = Self.withAttachments()
        #expect(
            ChatFlowTests.type("/save 1 ~/cat copy.png", into: &state)
                == [
                    .attachment(
                        .save(
                            token: "tok", attachment: Self.png.id, destination: "~/cat copy.png", overwrite: false,
                            transfer: TransferID(rawValue: "c-1-save"), name: Self.png.name))
                ])
    }
}

/// A test's driving step did not produce the effect the next step answers.
enum ExpectedEffect: Error { case missing }
