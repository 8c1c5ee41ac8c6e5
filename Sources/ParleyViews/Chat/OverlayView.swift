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
        for (row, line) in overlay.lines.dropFirst(overlay.scroll).prefix(height - 1).enumerated() {
            grid.write(line, x: x, y: y + 1 + row, limit: width)
        }
    }
}
