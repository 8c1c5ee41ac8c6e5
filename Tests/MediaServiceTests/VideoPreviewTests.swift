import Foundation
import MediaService
import ParleyContracts
import ParleyTestKit
import Testing

@Suite(.timeLimit(.minutes(3)))
struct VideoPreviewTests {
    @Test(
        arguments: [
            ("clip.mp4", "libx264", "aac", "MP4", "H.264", "AAC"),
            ("clip.webm", "libvpx", "libopus", "Matroska/WebM", "VP8", "Opus"),
            ("clip.mkv", "mpeg4", nil, "Matroska/WebM", "MPEG-4", nil),
        ] as [(String, String, String?, String, String, String?)])
    func aVideoShowsItsFirstFrameDurationSizeAndCodecs(
        name: String, codec: String, audio: String?, container: String, videoCodec: String, audioCodec: String?
    ) async throws {
        let media = await MediaTestHost()
        defer { media.finish() }
        try TestMedia.writeVideo(media.file(name), codec: codec, frames: 25, rate: 25, audioCodec: audio)

        let reply = try await media.host.request(
            .previewVideo(path: media.file(name).path, width: 40, height: 12, palette: .truecolor))
        guard case let .video(video) = reply else {
            Issue.record("expected a video summary, got \(reply)")
            return
        }
        #expect(video.width == 320 && video.height == 240)
        #expect(video.container == container && video.videoCodec == videoCodec && video.audioCodec == audioCodec)
        let seconds = try #require(video.duration) / .seconds(1)
        #expect(seconds > 0.9 && seconds < 1.2)
        #expect(video.frameRate == 25)
        #expect(!video.firstFrame.isEmpty && video.firstFrame.count <= 12)
        #expect(video.firstFrame.allSatisfy { $0.count <= 40 && $0.count == video.firstFrame[0].count })
        #expect(video.headline.hasPrefix("320x240, "))
    }

    @Test func randomBytesNamedMP4AreOneSentence() async throws {
        let media = await MediaTestHost()
        defer { media.finish() }
        var generator = SystemRandomNumberGenerator()
        let path = try media.write("noise.mp4", (0..<4096).map { _ in UInt8.random(in: 0...255, using: &generator) })
        let refusal = await media.refusal(.previewVideo(path: path, width: 40, height: 12, palette: .truecolor))
        guard case .unsupportedVideo(path, _)? = refusal else {
            Issue.record("expected unsupported video, got \(String(describing: refusal))")
            return
        }
        #expect(refusal?.description.hasPrefix("\(path) is not a video that can be shown (") == true)
    }

    @Test func aTruncatedMP4IsOneSentence() async throws {
        let media = await MediaTestHost()
        defer { media.finish() }
        try TestMedia.writeVideo(media.file("whole.mp4"), codec: "libx264")
        let whole = try Data(contentsOf: media.file("whole.mp4"))
        let path = try media.write("cut.mp4", Array(whole.prefix(whole.count / 2)))
        let refusal = await media.refusal(.previewVideo(path: path, width: 40, height: 12, palette: .truecolor))
        guard case .unsupportedVideo(path, _)? = refusal else {
            Issue.record("expected unsupported video, got \(String(describing: refusal))")
            return
        }
    }

    /// A YUV4MPEG stream whose header claims `width` x `height`, followed by a few bytes of one frame.
    static func claimedFrame(width: Int, height: Int) -> [UInt8] {
        Array("YUV4MPEG2 W\(width) H\(height) F25:1 Ip A1:1 C420jpeg\nFRAME\n".utf8)
            + [UInt8](repeating: 128, count: 1024)
    }

    @Test func aHeaderClaimingAFrameOverThePixelLimitIsRefusedBeforeDecoding() async throws {
        let media = await MediaTestHost()
        defer { media.finish() }
        let path = try media.write("large.y4m", Self.claimedFrame(width: 10_000, height: 10_000))
        #expect(
            await media.refusal(.previewVideo(path: path, width: 40, height: 12, palette: .truecolor))
                == .tooManyPixels(path: path, width: 10_000, height: 10_000, limit: 50_000_000))
    }

    @Test func aHeaderClaiming100000PixelsASideIsOneSentence() async throws {
        let media = await MediaTestHost()
        defer { media.finish() }
        // FFmpeg itself refuses a size this large while reading the header.
        let path = try media.write("huge.y4m", Self.claimedFrame(width: 100_000, height: 100_000))
        let refusal = await media.refusal(.previewVideo(path: path, width: 40, height: 12, palette: .truecolor))
        switch refusal {
        case .tooManyPixels(path, 100_000, 100_000, _)?, .unsupportedVideo(path, _)?: break
        default: Issue.record("expected a refusal of the size, got \(String(describing: refusal))")
        }
    }

    @Test func aHeaderClaimingTenYearsIsRefused() async throws {
        let media = await MediaTestHost()
        defer { media.finish() }
        try TestMedia.writeVideo(media.file("short.mkv"), codec: "mpeg4")
        var bytes = [UInt8](try Data(contentsOf: media.file("short.mkv")))
        // Matroska's Duration element (ID 0x4489, an 8-byte float in milliseconds): made ten years long.
        let index = try #require(
            bytes.indices.dropLast(11).first { bytes[$0] == 0x44 && bytes[$0 + 1] == 0x89 && bytes[$0 + 2] == 0x88 })
        let tenYears = (10 * 365.25 * 86_400 * 1000 as Double).bitPattern
        for offset in 0..<8 { bytes[index + 3 + offset] = UInt8(truncatingIfNeeded: tenYears >> (56 - 8 * offset)) }
        let path = try media.write("long.mkv", bytes)
        let refusal = await media.refusal(.previewVideo(path: path, width: 40, height: 12, palette: .truecolor))
        #expect(refusal == .tooLong(path: path, limit: .seconds(86_400)))
        #expect(refusal?.description == "\(path) is longer than 24 hours, the limit for sounds and videos")
    }
}
