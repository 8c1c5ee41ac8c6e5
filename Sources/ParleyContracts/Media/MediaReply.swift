/// The media service's answer to each `MediaRequest`, one case per request.
public enum MediaReply: Sendable, Equatable {
    case preview(Preview)
    case video(VideoSummary)
    case audio(AudioInfo)
    /// Playback has started.
    case playing(Playback)
    /// A video has started playing; frames follow as events.
    case playingVideo(VideoSummary)
    /// Whether the video is paused now; nil when no video plays.
    case paused(Bool?)
    /// Playback was ended; nil when nothing was playing.
    case stopped(Playback?)
    /// Where playback is; nil when nothing plays.
    case position(PlaybackPosition?)
    case summary(FileSummary)
}

/// What the media service publishes while a sound plays.
public enum MediaEvent: Sendable, Equatable {
    case playbackStarted(Playback)
    /// Published about once a second while playing.
    case playbackPosition(PlaybackPosition)
    /// The sound ended by itself, or was stopped (`stopped` true) by a `stop` or a new `play`.
    case playbackFinished(Playback, stopped: Bool)
    /// The player gave up, e.g. on a format it cannot play; `reason` is one sentence.
    case playbackFailed(Playback, reason: String)
    /// The next frame of the video playing; frames a reader is too slow for are skipped.
    case videoFrame(VideoFrame)
    /// The video ended by itself, or was stopped (`stopped` true); `failure` says why it could not go on.
    case videoFinished(stopped: Bool, failure: String?)
}
