import Foundation
import MediaService
import ParleyContracts
import ParleyTestKit
import Testing

/// Corrupt, truncated and hostile files give one-sentence errors, never a crash or a huge allocation.
@Suite(.timeLimit(.minutes(1)))
struct HostileMediaTests {
    enum Expected: Sendable {
        case tooManyPixels(width: Int, height: Int)
        case empty
        case unsupported
        /// With stb's reason, when the test knows it.
        case corrupt(because: String?)
    }

    @Test(arguments: [
        (
            "absurd.png", TestImages.pngHeader(width: 100_000, height: 100_000),
            Expected.tooManyPixels(width: 100_000, height: 100_000)
        ),
        ("huge.png", TestImages.pngHeader(width: 10_000, height: 6_000), .tooManyPixels(width: 10_000, height: 6_000)),
        ("absurd.gif", TestImages.hugeGIFHeader, .tooManyPixels(width: 65_535, height: 65_535)),
        ("empty.jpg", [], .empty),
        (
            "absurd.jpg", TestImages.jpegHeader(width: 65_535, height: 65_535, scan: false),
            .tooManyPixels(width: 65_535, height: 65_535)
        ),
        (
            "huge.jpg", TestImages.jpegHeader(width: 10_000, height: 6_000, scan: true),
            .tooManyPixels(width: 10_000, height: 6_000)
        ),
        ("header-only.jpg", TestImages.jpegHeader(width: 64, height: 64, scan: false), .corrupt(because: nil)),
        ("soi-then-noise.jpg", [0xFF, 0xD8, 0xFF] + Array(repeating: 0x42, count: 100), .corrupt(because: nil)),
        ("noise.png", Array((0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 7919 &+ 13) }), .unsupported),
        ("text.png", Array("not an image at all\n".utf8), .unsupported),
        ("header-only.png", TestImages.pngHeader(width: 64, height: 64), .corrupt(because: nil)),
        ("inflating.png", TestImages.inflatingPNG(inflatedBytes: 8 << 20), .corrupt(because: "outofmem")),
    ])
    func hostileImagesAreRefusedInOneSentence(name: String, bytes: [UInt8], expected: Expected) async throws {
        let media = await MediaTestHost()
        defer { media.finish() }
        let path = try media.write(name, bytes)

        let error = await media.refusal(
            .preview(path: path, contentHash: name, width: 20, height: 10, palette: .truecolor))

        switch (expected, error) {
        case let (.tooManyPixels(width, height), .tooManyPixels(refusedPath, refusedWidth, refusedHeight, limit)?):
            #expect(refusedPath == path && refusedWidth == width && refusedHeight == height && limit == 50_000_000)
        case (.empty, .emptyFile(path)?), (.unsupported, .unsupportedImage(path)?):
            break
        case let (.corrupt(expectedReason), .corruptImage(refusedPath, reason)?):
            #expect(refusedPath == path && (expectedReason == nil || reason == expectedReason))
        default:
            Issue.record("\(name): expected \(expected), got \(String(describing: error))")
        }
        let sentence = try #require(error).description
        #expect(sentence.hasPrefix(path) && !sentence.contains("\n"))
    }

    @Test func truncatedPNGIsRefused() async throws {
        let media = await MediaTestHost()
        defer { media.finish() }
        // Given a real PNG of varied pixels, cut off halfway
        let whole = media.file("whole.png")
        TestImages.writePNG(whole, width: 64, height: 64, color: (10, 200, 30))
        let bytes = try [UInt8](Data(contentsOf: whole))
        let path = try media.write("truncated.png", Array(bytes.prefix(bytes.count / 2)))

        let error = await media.refusal(
            .preview(path: path, contentHash: "cut", width: 20, height: 10, palette: .colors256))

        guard case .corruptImage(path, _)? = error else {
            Issue.record("expected a corrupt image, got \(String(describing: error))")
            return
        }
        #expect(error?.description.hasPrefix("\(path) is damaged or truncated") == true)
    }

    @Test func truncatedJPEGIsRefusedRatherThanPaddedWithGrey() async throws {
        let media = await MediaTestHost()
        defer { media.finish() }
        // Given a real JPEG cut off inside its image data
        let whole = media.file("whole.jpg")
        TestImages.writeSplitJPEG(whole, width: 512, height: 512, left: (255, 0, 0), right: (0, 0, 255))
        let bytes = try [UInt8](Data(contentsOf: whole))
        let path = try media.write("truncated.jpg", Array(bytes.prefix(bytes.count * 3 / 4)))

        let error = await media.refusal(
            .preview(path: path, contentHash: "cut", width: 20, height: 10, palette: .truecolor))

        #expect(error == .corruptImage(path: path, reason: "Premature end of JPEG file"))
        #expect(error?.description.hasPrefix("\(path) is damaged or truncated") == true)
    }

    @Test func missingFilesDirectoriesAndBadBoxesAreRefused() async throws {
        let media = await MediaTestHost()
        defer { media.finish() }
        TestImages.writePNG(media.file("fine.png"), width: 8, height: 8, color: (0, 0, 0))
        let missing = media.file("nowhere.png").path

        #expect(
            await media.refusal(.preview(path: missing, contentHash: "a", width: 20, height: 10, palette: .truecolor))
                == .missing(path: missing))
        #expect(
            await media.refusal(
                .preview(path: media.directory.path, contentHash: "b", width: 20, height: 10, palette: .colors8))
                == .notAFile(path: media.directory.path))
        #expect(
            await media.refusal(
                .preview(path: media.file("fine.png").path, contentHash: "c", width: 0, height: 10, palette: .truecolor)
            )
                == .invalidBox(width: 0, height: 10, limit: 1000))
    }

    @Test func theServiceKeepsServingAfterHostileFiles() async throws {
        let media = await MediaTestHost()
        defer { media.finish() }
        let noise = try media.write("noise.png", Array(repeating: 0xAB, count: 1000))
        _ = await media.refusal(.preview(path: noise, contentHash: "noise", width: 20, height: 10, palette: .truecolor))
        TestImages.writePNG(media.file("fine.png"), width: 8, height: 8, color: (0, 255, 0))

        let preview = try await media.preview(media.file("fine.png").path)

        #expect(Set(preview.rows.joined().flatMap(shownColors)) == [.rgb(0, 255, 0)])
        #expect(media.host.status.state == .running)
    }
}
