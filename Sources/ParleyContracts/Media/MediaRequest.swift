import ServiceRuntime

/// What the media service does: previews images as terminal cells, describes and plays audio, and sums up
/// any other file. It is handed readable paths (the attachment service owns the stored files).
public enum MediaRequest: ServiceRequest, Equatable {
    /// Renders the image at `path` into at most `width` x `height` cells, keeping its aspect ratio.
    /// - Parameter contentHash: the content's SHA-256; previews are cached by it, the box and the palette.
    case preview(path: String, contentHash: String, width: Int, height: Int, palette: Palette)
    /// A video's first frame in at most `width` x `height` cells, with its duration, size and codecs.
    case previewVideo(path: String, width: Int, height: Int, palette: Palette)
    /// Duration, format and a one-line waveform `width` cells wide.
    case describeAudio(path: String, width: Int)
    /// Starts playing the sound at `path`, ending whatever was playing.
    case play(path: String)
    /// Plays the video at `path` in at most `width` x `height` cells at its own frame rate (at most 30 a
    /// second), publishing each frame, with its sound through the system player; ends whatever was playing.
    case playVideo(path: String, width: Int, height: Int, palette: Palette)
    /// Pauses the video playing, or resumes it when paused; its sound with it where the player allows.
    case togglePause
    /// Ends playback; nothing happens when nothing plays.
    case stop
    /// How far the current playback has got.
    case playbackPosition
    /// Type and size, and for text its first lines.
    /// - Parameter mediaType: a MIME type already known (e.g. from the attachment), else detected.
    case summarize(path: String, mediaType: String?)

    public var kind: String {
        switch self {
        case .preview: "preview"
        case .previewVideo: "previewVideo"
        case .describeAudio: "describeAudio"
        case .play: "play"
        case .playVideo: "playVideo"
        case .togglePause: "togglePause"
        case .stop: "stop"
        case .playbackPosition: "playbackPosition"
        case .summarize: "summarize"
        }
    }
}
