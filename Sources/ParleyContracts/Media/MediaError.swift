/// Why the media service refused a request: one sentence naming the file and the problem.
public enum MediaError: Error, Sendable, Equatable, CustomStringConvertible {
    case missing(path: String)
    case notAFile(path: String)
    case unreadable(path: String, reason: String)
    case emptyFile(path: String)
    case invalidBox(width: Int, height: Int, limit: Int)
    case invalidWaveformWidth(Int, limit: Int)
    /// Neither PNG, JPEG nor GIF, whatever the file's name says.
    case unsupportedImage(path: String)
    case tooManyPixels(path: String, width: Int, height: Int, limit: Int)
    /// The header was fine but the data is not: truncated, corrupt, or larger than it claimed.
    case corruptImage(path: String, reason: String)
    case renderFailed(path: String)
    case unsupportedAudio(path: String, reason: String)
    case unsupportedVideo(path: String, reason: String)
    /// Longer than the limit: decoding stopped there, whatever the header claims.
    case tooLong(path: String, limit: Duration)
    case noPlayer
    case playerFailed(path: String, player: String, reason: String)
    /// The media plugin, which holds every decoder, could not be loaded; `reason` says what is missing.
    case codecsUnavailable(reason: String)

    public var description: String {
        switch self {
        case let .missing(path):
            "\(path) does not exist"
        case let .notAFile(path):
            "\(path) is a directory or device, not a file"
        case let .unreadable(path, reason):
            "\(path) cannot be read: \(reason)"
        case let .emptyFile(path):
            "\(path) is empty (0 bytes), so there is nothing to show"
        case let .invalidBox(width, height, limit):
            "a preview box of \(width)x\(height) cells is impossible: each side must be 1 to \(limit) cells"
        case let .invalidWaveformWidth(width, limit):
            "a waveform \(width) cells wide is impossible: it must be 1 to \(limit) cells"
        case let .unsupportedImage(path):
            "\(path) is not a PNG, JPEG or GIF image, so it has no preview"
        case let .tooManyPixels(path, width, height, limit):
            "\(path) is \(width)x\(height) pixels, over the \(limit / 1_000_000)-megapixel limit for previews"
        case let .corruptImage(path, reason):
            "\(path) is damaged or truncated and cannot be decoded (\(reason))"
        case let .renderFailed(path):
            "\(path) could not be drawn as terminal cells: the renderer ran out of memory"
        case let .unsupportedAudio(path, reason):
            "\(path) is not a sound that can be read (\(reason))"
        case let .unsupportedVideo(path, reason):
            "\(path) is not a video that can be shown (\(reason))"
        case let .tooLong(path, limit):
            "\(path) is longer than \(limit.components.seconds / 3600) hours, the limit for sounds and videos"
        case .noPlayer:
            "no audio player found: install paplay, aplay, ffplay or mpv to play sounds"
        case let .playerFailed(path, player, reason):
            "\(player) could not play \(path): \(reason)"
        case let .codecsUnavailable(reason):
            "previews and playback are unavailable: \(reason)"
        }
    }
}
