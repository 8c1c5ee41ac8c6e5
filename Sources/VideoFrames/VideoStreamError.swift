import CVideoCodecs

/// Why FFmpeg could not open or read a stream: its code, sorted into the cases callers tell apart.
public struct VideoStreamError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        case noVideo, noAudio, noDecoder, badFormat, noFrame, tooLong
        /// The media plugin (`MediaPlugin`) could not be loaded; the message is the dynamic loader's reason.
        case noPlugin
        /// Claims more pixels than allowed; the size as the header says.
        case tooLarge(width: Int, height: Int)
        /// A system error behind FFmpeg's code: ENOENT, EBUSY, EACCES, ENODEV, ...
        case system(errno: Int32)
        /// Anything else FFmpeg reports (invalid data, unknown format, ...).
        case other
    }

    public let kind: Kind
    public let code: Int32
    /// FFmpeg's own words, e.g. `Invalid data found when processing input`.
    public let message: String

    public init(code: Int32, message: String) {
        self.code = code
        self.message = message
        switch code {
        case PARLEY_AV_NO_VIDEO: kind = .noVideo
        case PARLEY_AV_NO_AUDIO: kind = .noAudio
        case PARLEY_AV_NO_DECODER: kind = .noDecoder
        case PARLEY_AV_BAD_FORMAT: kind = .badFormat
        case PARLEY_AV_NO_FRAME: kind = .noFrame
        case PARLEY_AV_TOO_LONG: kind = .tooLong
        case PARLEY_AV_NO_PLUGIN: kind = .noPlugin
        case PARLEY_AV_TOO_LARGE:
            let sides = message.split(separator: "x").compactMap { Int($0) }
            kind = .tooLarge(width: sides.first ?? 0, height: sides.last ?? 0)
        default:
            let number = parley_av_errno(code)
            kind = number != 0 ? .system(errno: number) : .other
        }
    }

    public var description: String {
        switch kind {
        case .noVideo: "it holds no video"
        case .noAudio: "it holds no sound"
        case .noDecoder: "no decoder for its codec is installed"
        case .badFormat: "its frames are in a pixel format that cannot be converted"
        case .noFrame: "no frame has been decoded yet"
        case .tooLong: "it is longer than the limit"
        case .noPlugin: "the media plugin \(MediaPlugin.fileName) could not be loaded (\(message))"
        case let .tooLarge(width, height): "it claims \(width)x\(height) pixels"
        case .system, .other: message.isEmpty ? "FFmpeg error \(code)" : message
        }
    }
}
