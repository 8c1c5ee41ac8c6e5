import Foundation
import MediaService
import ParleyContracts
import ParleyTestKit
import Testing

/// The decoders live in the media plugin, loaded at the first request that needs one (issue 13). Without it the
/// service stays up, says why in one sentence, and answers what needs no decoder.
@Suite(.timeLimit(.minutes(1)))
struct MediaPluginTests {
    @Test func aPreviewLoadsThePluginBesideTheTestsAndShowsTheImage() async throws {
        // Given the plugin where the build puts it, beside the test executable, not loaded by starting the service
        let media = await MediaTestHost()
        defer { media.finish() }
        TestImages.writePNG(media.file("blue.png"), width: 16, height: 16, color: (0, 0, 255))

        // When an image is previewed, Then the plugin is loaded and the preview drawn
        let preview = try await media.preview(media.file("blue.png").path)
        #expect(Set(preview.rows.joined().flatMap(shownColors)) == [.rgb(0, 0, 255)])
    }

    @Test(arguments: ["preview", "describeAudio", "previewVideo", "play"])
    func aMissingPluginIsOneSentenceNamingIt(request name: String) async throws {
        // Given a media service told to load its plugin from where there is none
        let missing = "/nonexistent/parley-\(UUID().uuidString)/libParleyMediaPlugin.so"
        let media = await MediaTestHost(pluginPath: missing)
        defer { media.finish() }
        let path = try media.write("file.bin", [1, 2, 3])
        let request: MediaRequest =
            switch name {
            case "preview": .preview(path: path, contentHash: "h", width: 10, height: 5, palette: .truecolor)
            case "describeAudio": .describeAudio(path: path, width: 10)
            case "previewVideo": .previewVideo(path: path, width: 10, height: 5, palette: .truecolor)
            default: .play(path: path)
            }

        // When a request needing a decoder comes
        let refusal = await media.refusal(request)

        // Then it is refused with one sentence naming the plugin and the loader's reason
        guard case let .codecsUnavailable(reason) = refusal else {
            Issue.record("expected codecsUnavailable, got \(String(describing: refusal))")
            return
        }
        #expect(reason.contains(missing) && reason.contains("No such file"), "\(reason)")
        let sentence = refusal?.description ?? ""
        #expect(sentence.hasPrefix("previews and playback are unavailable: the media plugin libParleyMediaPlugin.so"))
        #expect(!sentence.contains("\n"))
        // And the service is still running
        #expect(media.host.status.state == .running)
    }

    @Test func aFileThatIsNoLibraryIsRefusedWithTheLoadersReason() async throws {
        // Given a "plugin" that is a text file
        let directory = TemporaryDirectory("fake-plugin")
        defer { directory.remove() }
        let fake = directory.file("libParleyMediaPlugin.so")
        try Data("not a library".utf8).write(to: fake)
        let media = await MediaTestHost(pluginPath: fake.path)
        defer { media.finish() }

        // When a sound is described, Then the loader's reason names the file
        let refusal = await media.refusal(.describeAudio(path: fake.path, width: 10))
        guard case let .codecsUnavailable(reason) = refusal else {
            Issue.record("expected codecsUnavailable, got \(String(describing: refusal))")
            return
        }
        #expect(reason.contains(fake.path), "\(reason)")
    }

    @Test func requestsNeedingNoDecoderAnswerWithoutThePlugin() async throws {
        let media = await MediaTestHost(pluginPath: "/nonexistent/libParleyMediaPlugin.so")
        defer { media.finish() }
        let path = try media.write("notes.txt", Array("hello\n".utf8))

        let reply = try await media.host.request(.summarize(path: path, mediaType: "text/plain"))

        guard case .summary = reply else {
            Issue.record("expected a summary, got \(reply)")
            return
        }
    }
}
