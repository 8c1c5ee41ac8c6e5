import CNcurses
import ParleyContracts
import ParleyViews

/// Copies a frame of cells onto the ncurses screen. ncurses itself sends only what changed to the terminal;
/// the painter hands ncurses only the cells that differ from the frame before, so a key that changes one
/// cell costs one cell, not the screen. Used only on the terminal's thread.
struct FramePainter {
    let colors: ColorMapper
    private var pairs: [PairKey: Int32] = [:]
    /// The frame on screen, and the screen's size when it was painted: a new size paints everything.
    private var painted: (grid: CellGrid, rows: Int, columns: Int)?

    private struct PairKey: Hashable {
        let foreground: Int
        let background: Int
    }

    init(colors: ColorMapper) { self.colors = colors }

    mutating func paint(_ grid: CellGrid) {
        let rows = min(grid.height, Int(parley_screen_height()))
        let columns = min(grid.width, Int(parley_screen_width()))
        let before = painted.flatMap { painted in
            painted.rows == rows && painted.columns == columns && painted.grid.width == grid.width
                && painted.grid.height == grid.height ? painted.grid : nil
        }
        var text: [wchar_t] = []
        for y in 0..<rows {
            // A key changes one row: the others are skipped whole, not compared cell by cell.
            if let before, grid.rowEquals(y, in: before) { continue }
            grid.withRow(y) { row in
                if let before {
                    before.withRow(y) { old in paint(row, y: y, columns: columns, skipping: old, text: &text) }
                } else {
                    paint(row, y: y, columns: columns, skipping: nil, text: &text)
                }
            }
        }
        if let cursor = grid.cursor, cursor.x < columns, cursor.y < rows {
            parley_place_cursor(Int32(cursor.y), Int32(cursor.x), 1)
        } else {
            parley_place_cursor(0, 0, 0)
        }
        parley_show_frame()
        painted = (grid, rows, columns)
    }

    /// Hands ncurses the cells of `row` that differ from `old` (all of them without it), read in place.
    private mutating func paint(
        _ row: UnsafeBufferPointer<Cell>, y: Int, columns: Int, skipping old: UnsafeBufferPointer<Cell>?,
        text: inout [wchar_t]
    ) {
        for x in 0..<columns {
            if let old, old[x] == row[x] { continue }
            if row[x].text.isEmpty { continue }  // the right half of a wide grapheme
            put(row[x], x: x, y: y, text: &text)
        }
    }

    /// Hands one cell to ncurses.
    private mutating func put(_ cell: Cell, x: Int, y: Int, text: inout [wchar_t]) {
        text.removeAll(keepingCapacity: true)
        // A spacing character and up to four combining ones is what a curses cell holds.
        for scalar in cell.text.unicodeScalars.prefix(5) { text.append(wchar_t(bitPattern: scalar.value)) }
        text.append(0)
        let attributes = cell.attributes
        parley_put_cell(
            Int32(y), Int32(x), text,
            parley_attributes(
                flag(attributes, .bold), flag(attributes, .dim), flag(attributes, .italic),
                flag(attributes, .underline), flag(attributes, .reverse)),
            pair(cell.foreground, cell.background))
    }

    private mutating func pair(_ foreground: TerminalColor, _ background: TerminalColor) -> Int32 {
        let key = PairKey(foreground: colors.index(of: foreground), background: colors.index(of: background))
        if key.foreground == -1 && key.background == -1 { return 0 }
        if let pair = pairs[key] { return pair }
        let pair = parley_color_pair(Int32(key.foreground), Int32(key.background))
        pairs[key] = pair
        return pair
    }

    private func flag(_ attributes: CellAttributes, _ attribute: CellAttributes) -> Int32 {
        attributes.contains(attribute) ? 1 : 0
    }
}
