import Foundation
import MediaService
import ParleyContracts
import ParleyTestKit
import Testing

@Suite(.timeLimit(.minutes(1)))
struct ImagePreviewTests {
    static let red: TestImages.RGB = (255, 0, 0)

    @Test func redPNGGivesRedCells() async throws {
        let media = await MediaTestHost()
        defer { media.finish() }
        // Given a red PNG written by the test
        TestImages.writePNG(media.file("red.png"), width: 32, height: 32, color: Self.red)

        // When it is previewed in truecolour
        let preview = try await media.preview(media.file("red.png").path)

        // Then every cell shows red, and the source size is reported
        #expect(preview.sourceWidth == 32 && preview.sourceHeight == 32)
        #expect(!preview.rows.isEmpty)
        #expect(Set(preview.rows.joined().flatMap(shownColors)) == [.rgb(255, 0, 0)])
    }

    @Test(arguments: [
        (Palette.truecolor, [TerminalColor.rgb(255, 0, 0)]),
        (.colors256, [.indexed(196), .indexed(9)]),
        (.colors8, [.indexed(1), .indexed(9)]),
    ])
    func palettesMapRedToTheirOwnColours(palette: Palette, reds: [TerminalColor]) async throws {
        let media = await MediaTestHost()
        defer { media.finish() }
        TestImages.writePNG(media.file("red.png"), width: 16, height: 16, color: Self.red)

        let preview = try await media.preview(media.file("red.png").path, palette: palette)

        #expect(preview.palette == palette)
        let shown = Set(preview.rows.joined().flatMap(shownColors))
        #expect(!shown.isEmpty && shown.isSubset(of: Set(reds)), "\(palette) showed \(shown)")
    }

    /// Cells are about twice as tall as wide, so a square image fills twice as many columns as rows.
    @Test(arguments: [
        (imageWidth: 200, imageHeight: 100, boxWidth: 80, boxHeight: 24, columns: 80, rows: 20),
        (imageWidth: 100, imageHeight: 200, boxWidth: 80, boxHeight: 24, columns: 24, rows: 24),
        (imageWidth: 64, imageHeight: 64, boxWidth: 40, boxHeight: 40, columns: 40, rows: 20),
        (imageWidth: 4, imageHeight: 4, boxWidth: 10, boxHeight: 10, columns: 10, rows: 5),
    ])
    func previewsFitTheBoxKeepingAspectRatio(
        imageWidth: Int, imageHeight: Int, boxWidth: Int, boxHeight: Int, columns: Int, rows: Int
    ) async throws {
        let media = await MediaTestHost()
        defer { media.finish() }
        TestImages.writePNG(media.file("image.png"), width: imageWidth, height: imageHeight, color: (0, 0, 255))

        let preview = try await media.preview(media.file("image.png").path, width: boxWidth, height: boxHeight)

        #expect(preview.width == columns && preview.height == rows)
        #expect(preview.rows.allSatisfy { $0.count == preview.width })
    }

    @Test func jpegIsPreviewed() async throws {
        let media = await MediaTestHost()
        defer { media.finish() }
        TestImages.writeJPEG(media.file("red.jpg"), width: 64, height: 48, color: Self.red)

        let preview = try await media.preview(media.file("red.jpg").path)

        // JPEG is lossy: red within a few steps
        #expect(preview.sourceWidth == 64 && preview.sourceHeight == 48)
        for color in preview.rows.joined().flatMap(shownColors) {
            guard case let .rgb(red, green, blue) = color else {
                Issue.record("expected 24-bit colours, got \(color)")
                continue
            }
            #expect(red > 240 && green < 16 && blue < 16)
        }
    }

    /// A large JPEG is decoded at a fraction of its size; the preview must still show its pixels in the right
    /// places and report the size of the file, not of the reduced decode.
    @Test func largeJPEGIsPreviewedAtItsSourceSize() async throws {
        let media = await MediaTestHost()
        defer { media.finish() }
        TestImages.writeSplitJPEG(
            media.file("large.jpg"), width: 2000, height: 1500, left: Self.red, right: (0, 0, 255))

        let preview = try await media.preview(media.file("large.jpg").path, width: 80, height: 24)

        #expect(preview.sourceWidth == 2000 && preview.sourceHeight == 1500)
        #expect(preview.width == 64 && preview.height == 24)
        // Away from the seam, the left quarter is red and the right quarter blue, in 24-bit colour within
        // JPEG's loss
        for row in preview.rows {
            let left = Set(row.prefix(16).flatMap(shownColors))
            let right = Set(row.suffix(16).flatMap(shownColors))
            #expect(left.allSatisfy { Self.isNear($0, Self.red) }, "left showed \(left)")
            #expect(right.allSatisfy { Self.isNear($0, (0, 0, 255)) }, "right showed \(right)")
        }
    }

    static func isNear(_ color: TerminalColor, _ expected: TestImages.RGB) -> Bool {
        guard case let .rgb(red, green, blue) = color else { return false }
        return abs(Int(red) - Int(expected.red)) < 16 && abs(Int(green) - Int(expected.green)) < 16
            && abs(Int(blue) - Int(expected.blue)) < 16
    }

    @Test func transparentPixelsUseTheTerminalsOwnColours() async throws {
        let media = await MediaTestHost()
        defer { media.finish() }
        TestImages.writeTransparentPNG(media.file("clear.png"), width: 8, height: 8)

        let preview = try await media.preview(media.file("clear.png").path, width: 8, height: 4)

        #expect(Set(preview.rows.joined().flatMap(shownColors)) == [.default])
    }

    @Test func gifShowsItsFirstFrame() async throws {
        let media = await MediaTestHost()
        defer { media.finish() }
        let path = try media.write("two-frames.gif", TestImages.twoFrameGIF)

        let preview = try await media.preview(path, width: 4, height: 2)

        #expect(Set(preview.rows.joined().flatMap(shownColors)) == [.rgb(255, 0, 0)])
    }
}

/// The colours a cell puts on screen: a space shows only its background, a full block only its foreground.
func shownColors(_ cell: Cell) -> [TerminalColor] {
    switch cell.text {
    case " ": [cell.background]
    case "█": [cell.foreground]
    default: [cell.foreground, cell.background]
    }
}
