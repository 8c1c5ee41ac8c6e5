import ParleyContracts

/// `/play N` of a video: it plays in the timeline pane's space, as a preview takes it.
func playVideoRequest(at path: String, in state: AppState) -> MediaRequest {
    let box = viewfinderBox(in: state)
    return .playVideo(path: path, width: box.width, height: box.height, palette: state.palette)
}

/// Space while a video plays and nothing is typed: pause or resume it.
func pauseVideoKey(_ key: Key, in state: AppState) -> [AppEffect]? {
    guard state.chat.video != nil, key == .character(" "), state.input.isEmpty else { return nil }
    return [.media(.togglePause)]
}

func handleVideoReply(_ reply: MediaReply, name: String, in state: inout AppState) {
    switch reply {
    case let .playingVideo(summary):
        state.chat.overlay = nil
        state.chat.video = VideoPlaying(name: name, summary: summary)
        state.notice = "playing \(name) (\(summary.headline)); Space pauses, /stop ends it"
    case let .paused(paused):
        state.chat.video?.isPaused = paused ?? false
    default:
        break
    }
}

func handleVideoEvent(_ event: MediaEvent, in state: inout AppState) {
    switch event {
    case let .videoFrame(frame):
        guard state.chat.video != nil else { return }
        state.chat.video?.frame = frame.rows
        state.chat.video?.position = frame.position
    case let .videoFinished(stopped, failure):
        guard let video = state.chat.video else { return }
        state.chat.video = nil
        if let failure {
            state.notice = "\(video.name) could not play on: \(failure)"
        } else if !stopped {
            state.notice = "\(video.name) finished"
        }
    default:
        break
    }
}
