import ParleyContracts
import ParleyCore

/// A preview over the timeline: an image as the media service drew it in cells, or lines of text.
struct OverlayView {
    var overlay: Overlay

    func render(into grid: inout CellGrid, x: Int, y: Int, width: Int, height: Int) {
        grid.write(overlay.title, x: x, y: y, limit: width, attributes: .bold)
        for (row, cells) in overlay.rows.prefix(height - 1).enumerated() {
            for (column, cell) in cells.prefix(width).enumerated() {
                // Cells come from another service: one that holds a control character is not drawn.
                let safe = cell.text.unicodeScalars.allSatisfy { !TerminalText.isUnsafe($0) }
                grid[x + column, y + 1 + row] = safe ? cell : .blank
            }
        }
        let rows = height - 1
        let remaining = overlay.lines.count - overlay.scroll
        // On a short screen the lines run past the bottom: the last row says so, or nothing would show that
        // PgDn reveals more.
        let shown = remaining > rows ? rows - 1 : rows
        for (row, line) in overlay.lines.dropFirst(overlay.scroll).prefix(max(0, shown)).enumerated() {
            grid.write(line, x: x, y: y + 1 + row, limit: width)
        }
        if shown < rows, shown >= 0 {
            grid.write("… \(remaining - shown) more lines (PgDn)", x: x, y: y + rows, limit: width, attributes: .dim)
        }
    }
}
