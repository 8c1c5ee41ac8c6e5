import CVideoCodecs

/// What a video stream's headers say.
public struct VideoInfo: Sendable, Hashable {
    public var width: Int
    public var height: Int
    /// Frames a second; 0 when unknown.
    public var frameRate: Double
    /// Of the whole input; nil when unknown (a device).
    public var duration: Duration?
    /// FFmpeg's short names: container (`matroska,webm`), codec (`vp9`), pixel format (`yuv420p`).
    public var container: String
    public var videoCodec: String
    public var pixelFormat: String
    /// Nil when there is no sound.
    public var audioCodec: String?
    public var audioSampleRate: Int
    public var audioChannels: Int

    init(_ raw: parley_video_info) {
        width = Int(raw.width)
        height = Int(raw.height)
        frameRate = raw.frame_rate
        duration = raw.duration_us >= 0 ? .microseconds(raw.duration_us) : nil
        container = Self.string(raw.container)
        videoCodec = Self.string(raw.video_codec)
        pixelFormat = Self.string(raw.pixel_format)
        let audio = Self.string(raw.audio_codec)
        audioCodec = audio.isEmpty ? nil : audio
        audioSampleRate = Int(raw.audio_sample_rate)
        audioChannels = Int(raw.audio_channels)
    }

    /// A fixed-size C character array as a String.
    public static func string<Tuple>(_ tuple: Tuple) -> String {
        withUnsafeBytes(of: tuple) { bytes in
            String(decoding: bytes.prefix { $0 != 0 }, as: UTF8.self)
        }
    }
}

extension [CChar] {
    /// A message buffer a C function filled: the text up to its first NUL, as UTF-8.
    public var nulTerminatedText: String {
        String(decoding: prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
