import CMediaFixtures
import Foundation

/// Short videos and sounds that tests make for themselves with FFmpeg's encoders.
enum TestMedia {
    struct WriteError: Error, CustomStringConvertible {
        let description: String
    }

    /// `frames` frames of a moving pattern at `rate` a second; the container follows the file's extension.
    static func writeVideo(
        _ url: URL, codec: String, width: Int = 320, height: Int = 240, frames: Int = 25, rate: Int = 25,
        audioCodec: String? = nil
    ) throws {
        var message = [CChar](repeating: 0, count: 256)
        let code = parley_write_video(
            url.path, codec, Int32(width), Int32(height), Int32(frames), Int32(rate), audioCodec, &message,
            message.count)
        guard code == 0 else { throw WriteError(description: "writing \(url.lastPathComponent): \(text(message))") }
    }

    /// `seconds` of a tone rising from silence to nearly full scale.
    static func writeSound(_ url: URL, codec: String, sampleRate: Int = 48_000, channels: Int = 2, seconds: Double = 1)
        throws
    {
        var message = [CChar](repeating: 0, count: 256)
        let code = parley_write_sound(
            url.path, codec, Int32(sampleRate), Int32(channels), seconds, &message, message.count)
        guard code == 0 else { throw WriteError(description: "writing \(url.lastPathComponent): \(text(message))") }
    }

    private static func text(_ message: [CChar]) -> String {
        String(decoding: message.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
