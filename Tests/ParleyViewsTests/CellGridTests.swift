import ParleyContracts
import Testing

@testable import ParleyViews

struct CellGridTests {
    @Test func writesAndClipsText() {
        var grid = CellGrid(width: 8, height: 2)
        grid.write("general", x: 0, y: 0)
        grid.write("random-long", x: 2, y: 1, limit: 4)
        #expect(grid.lines == ["general ", "  rand  "])
    }

    @Test func escapeSequencesNeverReachTheGrid() {
        var grid = CellGrid(width: 12, height: 1)
        grid.write("a\u{1B}[2Jb\u{7}", x: 0, y: 0)
        #expect(grid.lines == ["a␛[2Jb␇     "])
        #expect(!grid.cells.contains { $0.text.unicodeScalars.contains { $0.value < 0x20 } })
    }

    /// Text of scalars that each stand alone (box drawing, `✓`, Latin) goes one cell a scalar; a combining mark
    /// or a variation selector anywhere sends the text through grapheme breaking, which keeps them together.
    @Test func eachGraphemeTakesOneCellWhicheverWayItIsDrawn() {
        var grid = CellGrid(width: 8, height: 3)
        #expect(grid.write("─ ✓✓ é", x: 0, y: 0) == 6)
        #expect(grid.write("✓ e\u{301}!", x: 0, y: 1) == 4)
        #expect(grid.write("✓\u{FE0F}ok", x: 0, y: 2) == 4)
        #expect(grid.lines == ["─ ✓✓ é  ", "✓ e\u{301}!    ", "✓\u{FE0F}ok    "])
        #expect(grid[2, 1].text == "e\u{301}")
        #expect(grid[1, 2] == .continuation)
    }

    @Test func wideGraphemesTakeTwoColumns() {
        var grid = CellGrid(width: 6, height: 1)
        let end = grid.write("日本x", x: 0, y: 0)
        #expect(end == 5)
        #expect(grid.lines == ["日本x "])
    }

    @Test(arguments: [("\u{9B}31m", "�31m"), ("\u{202E}abc", "�abc"), ("x\ny", "x␊y")])
    func controlCharactersAreShownVisibly(input: String, shown: String) {
        #expect(TerminalText.sanitized(input) == shown)
    }
}
