import CMediaCodecs
import ParleyContracts

/// Draws pixels in terminal cells with chafa, as the media service draws image previews.
public enum CellPainter {
    /// The largest cell size within `box` that keeps a `width` x `height` picture's aspect ratio.
    public static func fit(width: Int, height: Int, box: (width: Int, height: Int)) -> (columns: Int, rows: Int) {
        var columns: Int32 = 0
        var rows: Int32 = 0
        parley_fit_box(
            Int32(max(1, width)), Int32(max(1, height)), Int32(box.width), Int32(box.height), &columns, &rows)
        // chafa never exceeds the box, but the box is a promise to the views: clamp rather than trust.
        return (min(Int(columns), box.width), min(Int(rows), box.height))
    }

    /// `rgb` (3 bytes a pixel) drawn in `cells`; nil when chafa runs out of memory.
    public static func paint(
        rgb: [UInt8], width: Int, height: Int, cells: (columns: Int, rows: Int), palette: Palette
    ) -> [[Cell]]? {
        let (columns, rows) = cells
        var symbols = [UInt32](repeating: 0, count: columns * rows)
        var foregrounds = [Int32](repeating: -1, count: columns * rows)
        var backgrounds = [Int32](repeating: -1, count: columns * rows)
        let rendered = parley_render_cells(
            rgb, 3, Int32(width), Int32(height), Int32(columns), Int32(rows), palette.chafa, &symbols, &foregrounds,
            &backgrounds)
        guard rendered == 1 else { return nil }
        return (0..<rows).map { row in
            (0..<columns).map { column in
                let index = row * columns + column
                return Cell(
                    text(of: symbols[index]), foreground: palette.terminalColor(foregrounds[index]),
                    background: palette.terminalColor(backgrounds[index]))
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
    fileprivate var chafa: parley_palette {
        switch self {
        case .truecolor: PARLEY_PALETTE_TRUECOLOR
        case .colors256: PARLEY_PALETTE_256
        case .colors8: PARLEY_PALETTE_8
        }
    }

    /// A raw chafa colour as a terminal colour: negative (transparent) and chafa's special pens above 255
    /// draw in the terminal's default colour.
    fileprivate func terminalColor(_ raw: Int32) -> TerminalColor {
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
