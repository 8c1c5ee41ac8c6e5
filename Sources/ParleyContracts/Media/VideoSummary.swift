import ServiceRuntime

/// What a video holds, with its first frame drawn in cells, for `/preview N`.
public struct VideoSummary: Sendable, Hashable {
    /// The first frame, rows top to bottom, within the box asked for.
    public var firstFrame: [[Cell]]
    public var width: Int
    public var height: Int
    /// Nil when the container does not say.
    public var duration: Duration?
    /// Frames a second; 0 when unknown.
    public var frameRate: Double
    /// As people name them: `MP4`, `H.264`, `AAC`; `audioCodec` is nil for a silent video.
    public var container: String
    public var videoCodec: String
    public var audioCodec: String?

    public init(
        firstFrame: [[Cell]], width: Int, height: Int, duration: Duration?, frameRate: Double, container: String,
        videoCodec: String, audioCodec: String?
    ) {
        self.firstFrame = firstFrame
        self.width = width
        self.height = height
        self.duration = duration
        self.frameRate = frameRate
        self.container = container
        self.videoCodec = videoCodec
        self.audioCodec = audioCodec
    }
}

extension VideoSummary {
    /// `1280x720, 0:05, MP4, H.264 + AAC`, for a title line.
    public var headline: String {
        let codecs = [videoCodec, audioCodec].compactMap { $0 }.joined(separator: " + ")
        let length = duration.map { ", \($0.shortDescription)" } ?? ""
        return "\(width)x\(height)\(length), \(container), \(codecs)"
    }
}
