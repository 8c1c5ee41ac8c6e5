import ParleyContracts

/// `/attach PATH`: the attachment service imports the file, then a message carrying it goes to `room`.
func attach(_ path: String, to room: RoomID, token: String, in state: inout AppState) -> [AppEffect] {
    let transfer = TransferID(rawValue: state.chat.nextMessageID().rawValue + "-file")
    state.chat.imports[transfer] = room
    state.notice = "attaching \(path)…"
    return [.attachment(.importFile(token: token, path: path, transfer: transfer))]
}

func handleAttachmentReply(
    _ request: AttachmentRequest, _ result: Result<AttachmentReply, CallFailure<AttachmentError>>,
    in state: inout AppState
) -> [AppEffect] {
    guard request.token == state.chat.session?.token, let token = state.chat.session?.token else { return [] }
    switch (request, result) {
    case let (.importFile(_, _, transfer), .success(.imported(imported))):
        state.chat.transfers[transfer] = nil
        guard let room = state.chat.imports.removeValue(forKey: transfer) else { return [] }
        let reference = imported.reference
        let id = state.chat.nextMessageID()
        state.notice = imported.notice ?? "sending \(reference.name)"
        let message = PendingMessage(id: id, room: room, text: "", attachments: [reference])
        return [.attachment(.bind(token: token, attachment: reference.id, room: room, message: id))]
            + send(message, token: token, in: &state)
    case let (.locate(_, id), .success(.located(url))):
        switch state.chat.mediaIntents.removeValue(forKey: id) {
        case let .preview(attachment)?:
            return [.media(previewRequest(for: attachment, at: url.path, in: state))]
        case let .play(attachment)?:
            if attachment.mediaType.hasPrefix("video/") { return [.media(playVideoRequest(at: url.path, in: state))] }
            return [.media(.play(path: url.path))]
        case nil:
            return []
        }
    case let (_, .success(.saved(path))):
        state.notice = "saved to \(path)"
    case (_, .success):
        break
    case let (.importFile(_, path, transfer), .failure(failure)):
        state.chat.imports[transfer] = nil
        state.chat.transfers[transfer] = nil
        // What was typed is not lost: the command comes back to the input line to try again.
        if state.input.isEmpty { state.input.replace(with: "/attach \(path)") }
        state.notice = "not attached: " + failure.sentence(resumes: "attaching resumes")
    case let (.locate(_, id), .failure(failure)):
        state.chat.mediaIntents[id] = nil
        state.notice = failure.sentence(resumes: "attachments return")
    case let (_, .failure(failure)):
        state.notice = failure.sentence(resumes: "transfers resume")
    }
    return []
}

/// Images are previewed in the timeline's space, sounds described with a waveform, other files summarised.
private func previewRequest(for attachment: AttachmentReference, at path: String, in state: AppState) -> MediaRequest {
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
    let name = state.chat.attachments.first { request.path?.hasSuffix($0.id) == true }?.name ?? "attachment"
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
    case let .success(.playing(playback)):
        state.notice = "playing \(name) with \(playback.player); /stop stops it"
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

func handleAttachmentEvent(_ event: AttachmentEvent, in state: inout AppState) {
    switch event {
    case let .progress(progress):
        state.chat.transfers[progress.transfer] = progress
    case let .finished(transfer, _), let .failed(transfer, _):
        state.chat.transfers[transfer] = nil
    }
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
