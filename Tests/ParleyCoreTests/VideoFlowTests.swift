import Foundation
import ParleyContracts
import ParleyCore
import Testing

/// `/preview N` of a video, driven through the pure `update`.
struct VideoFlowTests {
    static let clip = AttachmentReference(
        id: String(repeating: "c", count: 64), name: "clip.mp4", size: 90_000, mediaType: "video/mp4")

    @Test func previewOfAVideoShowsItsFirstFrameAndWhatItIs() {
        var state = ChatFlowTests.signedIn()
        var message = ChatFlowTests.message("m8", "", 8)
        message.attachments = [Self.clip]
        _ = update(&state, .messagingEvent(.messagePosted(message)))
        _ = ChatFlowTests.type("/preview 1", into: &state)
        let url = URL(fileURLWithPath: "/data/attachments/\(Self.clip.id)")
        let effects = update(
            &state, .attachmentReplied(.locate(token: "tok", attachment: Self.clip.id), .success(.located(url))))
        let request = MediaRequest.previewVideo(path: url.path, width: 78, height: 25, palette: .colors256)
        #expect(effects == [.media(request)])

        let frame = [[Cell("▀", foreground: .indexed(4))]]
        let video = VideoSummary(
            firstFrame: frame, width: 1280, height: 720, duration: .seconds(5), frameRate: 25, container: "MP4",
            videoCodec: "H.264", audioCodec: "AAC")
        _ = update(&state, .mediaReplied(request, .success(.video(video))))
        #expect(
            state.chat.overlay?.title
                == "clip.mp4 — 1280x720, \(Duration.seconds(5).shortDescription), MP4, H.264 + AAC (Esc closes)")
        #expect(state.chat.overlay?.rows == frame)
    }
}

extension VideoFlowTests {
    @Test func playOfAVideoShowsItsFramesWithAPositionLineAndSpacePausesIt() {
        var state = ChatFlowTests.signedIn()
        var message = ChatFlowTests.message("m8", "", 8)
        message.attachments = [Self.clip]
        _ = update(&state, .messagingEvent(.messagePosted(message)))
        _ = ChatFlowTests.type("/play 1", into: &state)
        let url = URL(fileURLWithPath: "/data/attachments/\(Self.clip.id)")
        let effects = update(
            &state, .attachmentReplied(.locate(token: "tok", attachment: Self.clip.id), .success(.located(url))))
        let request = MediaRequest.playVideo(path: url.path, width: 78, height: 25, palette: .colors256)
        #expect(effects == [.media(request)])

        let summary = VideoSummary(
            firstFrame: [], width: 320, height: 240, duration: .seconds(4), frameRate: 25, container: "MP4",
            videoCodec: "H.264", audioCodec: nil)
        _ = update(&state, .mediaReplied(request, .success(.playingVideo(summary))))
        let frame = [[Cell("▄", foreground: .indexed(2))]]
        _ = update(
            &state, .mediaEvent(.videoFrame(VideoFrame(rows: frame, position: .seconds(1), duration: .seconds(4)))))
        #expect(state.chat.video?.overlay.rows == frame)
        #expect(
            state.chat.video?.overlay.title
                == "clip.mp4 ▶ \(Duration.seconds(1).shortDescription) / \(Duration.seconds(4).shortDescription)"
                + " · Space pauses · /stop ends")

        // Space, with nothing typed, pauses
        #expect(update(&state, .input(.key(.character(" ")))) == [.media(.togglePause)])
        _ = update(&state, .mediaReplied(.togglePause, .success(.paused(true))))
        #expect(state.chat.video?.isPaused == true)

        // It ends by itself
        _ = update(&state, .mediaEvent(.videoFinished(stopped: false, failure: nil)))
        #expect(state.chat.video == nil)
        #expect(state.notice == "clip.mp4 finished")
    }
}
