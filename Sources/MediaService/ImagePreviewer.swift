import CMediaCodecs
import ParleyContracts

/// Decodes a JPEG with libjpeg-turbo, scaled down to what the box needs, or a PNG or GIF (its first frame)
/// with stb_image, and renders it to cells with chafa.
///
/// Hostile files are stopped in order: the file must exist and hold bytes; its header must name a format
/// and a size; the size must be under the pixel limit before any pixel buffer is allocated; and while
/// decoding, no allocation may exceed what that size needs, which defeats data that expands past its header.
struct ImagePreviewer: Sendable {
    let maxPixels: Int

    func preview(_ path: String, width: Int, height: Int, palette: Palette) throws(MediaError) -> Preview {
        let image = try decode(path, box: (width, height))
        defer { parley_image_free(image.pixels) }
        let rows = try render(image, path: path, box: (width, height), palette: palette)
        return Preview(rows: rows, sourceWidth: image.sourceWidth, sourceHeight: image.sourceHeight, palette: palette)
    }

    func render(
        _ image: Decoded, path: String, box: (width: Int, height: Int), palette: Palette
    ) throws(MediaError) -> [[Cell]] {
        var columns: Int32 = 0
        var rows: Int32 = 0
        // The source size, not the decoded one: a scaled JPEG's sides are rounded up, and the shape of the
        // preview should not depend on how far it was scaled.
        parley_fit_box(
            Int32(image.sourceWidth), Int32(image.sourceHeight), Int32(box.width), Int32(box.height), &columns, &rows)
        // chafa never exceeds the box, but the box is a promise to the views: clamp rather than trust.
        let width = min(Int(columns), box.width)
        let height = min(Int(rows), box.height)
        var symbols = [UInt32](repeating: 0, count: width * height)
        var foregrounds = [Int32](repeating: -1, count: width * height)
        var backgrounds = [Int32](repeating: -1, count: width * height)
        let rendered = parley_render_cells(
            image.pixels, image.channels, Int32(image.width), Int32(image.height), Int32(width), Int32(height),
            palette.chafaPalette,
            &symbols, &foregrounds, &backgrounds)
        guard rendered == 1 else { throw .renderFailed(path: path) }
        return (0..<height).map { row in
            (0..<width).map { column in
                let index = row * width + column
                return Cell(
                    Self.text(of: symbols[index]),
                    foreground: palette.color(foregrounds[index]),
                    background: palette.color(backgrounds[index]))
            }
        }
    }

    /// The cell's text: chafa's symbols are printable and one cell wide; anything else becomes a space.
    private static func text(of symbol: UInt32) -> String {
        guard let scalar = Unicode.Scalar(symbol), symbol >= 0x20, !(0x7F..<0xA0).contains(symbol) else { return " " }
        return String(Character(scalar))
    }
}

extension Palette {
    var chafaPalette: parley_palette {
        switch self {
        case .truecolor: PARLEY_PALETTE_TRUECOLOR
        case .colors256: PARLEY_PALETTE_256
        case .colors8: PARLEY_PALETTE_8
        }
    }

    /// A raw chafa colour as a terminal colour: negative (transparent) and chafa's special pens above 255
    /// draw in the terminal's default colour.
    func color(_ raw: Int32) -> TerminalColor {
        guard raw >= 0 else { return .default }
        switch self {
        case .truecolor:
            return .rgb(
                UInt8(truncatingIfNeeded: raw >> 16), UInt8(truncatingIfNeeded: raw >> 8),
                UInt8(truncatingIfNeeded: raw))
        case .colors256, .colors8:
            return raw <= 255 ? .indexed(UInt8(raw)) : .default
        }
    }
}
