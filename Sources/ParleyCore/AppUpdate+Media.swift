import ParleyContracts

/// Images are previewed in the timeline's space, sounds described with a waveform, other files summarised.
func previewRequest(for attachment: AttachmentReference, at path: String, in state: AppState) -> MediaRequest {
    let width = max(10, state.width - ChatLayout.roomListWidth - 2)
    let height = max(3, state.height - 1 - ChatLayout.footerHeight - 2)
    if attachment.mediaType.hasPrefix("image/") {
        return .preview(path: path, contentHash: attachment.id, width: width, height: height, palette: state.palette)
    }
    if attachment.mediaType.hasPrefix("audio/") { return .describeAudio(path: path, width: width) }
    if attachment.mediaType.hasPrefix("video/") {
        return .previewVideo(path: path, width: width, height: height, palette: state.palette)
    }
    return .summarize(path: path, mediaType: attachment.mediaType)
}

func handleMediaReply(
    _ request: MediaRequest, _ result: Result<MediaReply, CallFailure<MediaError>>, in state: inout AppState
) -> [AppEffect] {
    let name =
        request.path.flatMap { state.chat.locatedNames[$0] }
        ?? state.chat.attachments.first { request.path?.hasSuffix($0.id) == true }?.name ?? "attachment"
    switch result {
    case let .success(.preview(preview)):
        state.chat.overlay = Overlay(
            title: "\(name) — \(preview.sourceWidth)x\(preview.sourceHeight) (Esc closes)", rows: preview.rows)
    case let .success(.video(video)):
        state.chat.overlay = Overlay(title: "\(name) — \(video.headline) (Esc closes)", rows: video.firstFrame)
    case let .success(.audio(audio)):
        state.chat.overlay = Overlay(
            title: "\(name) — \(audio.format), \(audio.duration.shortDescription) (Esc closes)",
            lines: [audio.waveform])
    case let .success(.summary(summary)):
        state.chat.overlay = Overlay(
            title: "\(name) — \(summary.mediaType), \(summary.size) bytes (Esc closes)", lines: summary.firstLines)
    case .success(.playing(let playback)):
        // The notice line shows the playback from now on: it follows `playing`, until a newer notice.
        state.chat.playing = PlaybackPosition(playback: playback, elapsed: .zero)
        state.notice = nil
    case .success(.playingVideo), .success(.paused):
        if case let .success(reply) = result { handleVideoReply(reply, name: name, in: &state) }
    case .success(.stopped):
        state.chat.playing = nil
        state.chat.video = nil
        state.notice = "stopped"
    case .success(.position):
        break
    case let .failure(failure):
        // With media off, the rest of the chat goes on; the one line says what is missing.
        state.notice = failure.sentence(resumes: "previews and playback return")
    }
    return []
}

func handleMediaEvent(_ event: MediaEvent, in state: inout AppState) {
    switch event {
    case let .playbackPosition(position): state.chat.playing = position
    case .playbackStarted: break
    case .playbackFinished:
        state.chat.playing = nil
    case let .playbackFailed(_, reason):
        state.chat.playing = nil
        // A video plays on without its sound when the player cannot play the file.
        if state.chat.video == nil { state.notice = "playback failed: \(reason)" }
    case .videoFrame, .videoFinished:
        handleVideoEvent(event, in: &state)
    }
}

extension MediaRequest {
    /// The file a request is about, if any.
    var path: String? {
        switch self {
        case let .preview(path, _, _, _, _), let .previewVideo(path, _, _, _), let .describeAudio(path, _),
            let .play(path), let .summarize(path, _), let .playVideo(path, _, _, _):
            path
        case .stop, .playbackPosition, .togglePause: nil
        }
    }
}
