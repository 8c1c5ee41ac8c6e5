import CVideoCodecs
import ParleyContracts
import VideoFrames

/// Reads the sounds libsndfile cannot (AAC in M4A and MP4, and whatever else FFmpeg decodes) in one streaming
/// pass: their format, a waveform, and the duration that was actually decoded, never more than `maxDuration`.
struct SoundScanner: Sendable {
    let maxDuration: Duration

    func describe(_ path: String, width: Int) throws(MediaError) -> AudioInfo {
        guard try FileCheck.size(of: path) > 0 else { throw .emptyFile(path: path) }
        var peaks = [Float](repeating: 0, count: width)
        var info = parley_audio_info()
        var message = [CChar](repeating: 0, count: 256)
        let code = parley_audio_scan(
            path, Int32(width), maxDuration / .seconds(1), &peaks, &info, &message, message.count)
        guard code == 0 else {
            let failure = VideoStreamError(code: code, message: message.nulTerminatedText)
            if failure.kind == .tooLong { throw .tooLong(path: path, limit: maxDuration) }
            throw .unsupportedAudio(path: path, reason: failure.description)
        }
        guard info.sample_rate > 0, info.channels > 0 else {
            throw .unsupportedAudio(path: path, reason: "its header gives no sample rate or channels")
        }
        let duration = Duration.seconds(Double(info.samples) / Double(info.sample_rate))
        return AudioInfo(
            duration: duration, format: Self.format(info), sampleRate: Int(info.sample_rate),
            channels: Int(info.channels), waveform: Waveform.line(peaks: peaks))
    }

    /// The duration the container's header gives, for the position line while a sound plays.
    static func duration(of path: String) -> Duration? {
        let microseconds = parley_media_duration_us(path)
        return microseconds >= 0 ? .microseconds(microseconds) : nil
    }

    /// `M4A, AAC, 44.1 kHz, stereo`, as AudioFormat names libsndfile's formats.
    static func format(_ info: parley_audio_info) -> String {
        let container = MediaNames.container(VideoInfo.string(info.container))
        let codec = MediaNames.codec(VideoInfo.string(info.codec))
        let parts = [
            container == codec ? nil : container, codec, AudioFormat.rate(Int(info.sample_rate)),
            AudioFormat.channels(Int(info.channels)),
        ]
        return parts.compactMap { $0 }.joined(separator: ", ")
    }
}

/// FFmpeg's short names for containers and codecs, as people know them.
enum MediaNames {
    static func container(_ name: String) -> String {
        switch name {
        case "mov,mp4,m4a,3gp,3g2,mj2": "MP4"
        case "matroska,webm": "Matroska/WebM"
        case "mp3": "MP3"
        case "ogg": "Ogg"
        case "wav": "WAV"
        case "flac": "FLAC"
        case "aac": "AAC"
        default: name
        }
    }

    static func codec(_ name: String) -> String {
        switch name {
        case "aac": "AAC"
        case "mp3", "mp3float": "MP3"
        case "opus": "Opus"
        case "vorbis": "Vorbis"
        case "flac": "FLAC"
        case "h264": "H.264"
        case "hevc": "H.265"
        case "vp8": "VP8"
        case "vp9": "VP9"
        case "av1": "AV1"
        case "mpeg4": "MPEG-4"
        default: name
        }
    }
}
