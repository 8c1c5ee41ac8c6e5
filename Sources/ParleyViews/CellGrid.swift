import ParleyContracts

/// A plain rectangle of cells that views render into. The terminal backend blits it with ncurses; the
/// scenario runner and tests read it as text.
public struct CellGrid: Sendable, Equatable {
    public let width: Int
    public let height: Int
    public private(set) var cells: [Cell]
    /// Where the terminal's cursor goes (the input line's caret); nil hides it.
    public var cursor: CellPosition?

    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: .blank, count: self.width * self.height)
    }

    public subscript(x: Int, y: Int) -> Cell {
        get { cells[y * width + x] }
        set {
            guard x >= 0, y >= 0, x < width, y < height else { return }
            cells[y * width + x] = newValue
        }
    }

    /// Whether row `y` holds the same cells as row `y` of `other` (a grid of the same width). Compared in
    /// place, without copying a cell out (a copy retains its grapheme): a painter skips an unchanged row
    /// whole instead of reading each cell of both frames.
    public func rowEquals(_ y: Int, in other: CellGrid) -> Bool {
        guard other.width == width, y >= 0, y < height, y < other.height else { return false }
        let start = y * width
        return cells.withUnsafeBufferPointer { mine in
            other.cells.withUnsafeBufferPointer { theirs in
                for index in start..<(start + width) where mine[index] != theirs[index] { return false }
                return true
            }
        }
    }

    /// Calls `body` with the cells of row `y`, read in place.
    public func withRow<Result>(_ y: Int, _ body: (UnsafeBufferPointer<Cell>) throws -> Result) rethrows -> Result {
        try cells.withUnsafeBufferPointer { cells in
            try body(UnsafeBufferPointer(rebasing: cells[(y * width)..<((y + 1) * width)]))
        }
    }

    /// Writes `text` from column `x` of row `y`, clipped at `limit` columns (default: the row's end), each
    /// grapheme made safe and as wide as the terminal will draw it.
    /// - Returns: the column after the last one written.
    @discardableResult
    public mutating func write(
        _ text: String, x: Int, y: Int, limit: Int? = nil, foreground: TerminalColor = .default,
        background: TerminalColor = .default, attributes: CellAttributes = []
    ) -> Int {
        guard y >= 0, y < height else { return x }
        let end = min(width, limit.map { x + $0 } ?? width)
        var column = x
        /// Puts `grapheme` at `column` and moves past it; false, writing nothing, when it would pass `end`.
        func place(_ grapheme: String, _ cellWidth: Int) -> Bool {
            guard column + cellWidth <= end else { return false }
            self[column, y] = Cell(grapheme, foreground: foreground, background: background, attributes: attributes)
            if cellWidth == 2 { self[column + 1, y] = .continuation }
            column += cellWidth
            return true
        }
        // Text whose every scalar is a grapheme of its own (printable ASCII, Latin letters, box drawing, arrows,
        // `✓`: nearly all a frame draws) needs no grapheme breaking, which cost more than the rest of drawing.
        if text.unicodeScalars.allSatisfy(Self.standsAlone) {
            for scalar in text.unicodeScalars {
                let isASCII = scalar.value < 0x7F
                let grapheme = isASCII ? Self.ascii[Int(scalar.value) - 0x20] : String(scalar)
                guard place(grapheme, isASCII ? 1 : TerminalText.width(of: grapheme)) else { break }
            }
            return column
        }
        for grapheme in TerminalText.safeGraphemes(text) {
            guard place(grapheme, TerminalText.width(of: grapheme)) else { break }
        }
        return column
    }

    /// Each printable ASCII character as a string, made once rather than for every cell of every frame.
    private static let ascii: [String] = (0x20..<0x7F).map { String(UnicodeScalar(UInt8($0))) }

    /// Whether `scalar` is a whole grapheme wherever it stands and safe to show as it is: printable ASCII, Latin
    /// up to the combining marks, general punctuation short of the joiners and bidi controls, and the symbol
    /// blocks from letterlike symbols to the arrows (no combining marks, joiners or modifiers among them). A
    /// scalar outside these (a combining mark, an emoji, a variation selector) sends the text the slow way.
    private static func standsAlone(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x20..<0x7F, 0xA0..<0x300, 0x2010..<0x2028, 0x2030..<0x2060, 0x2100..<0x2C00: true
        default: false
        }
    }

    /// Fills a rectangle with `cell`.
    public mutating func fill(x: Int, y: Int, width: Int, height: Int, with cell: Cell = .blank) {
        for row in max(0, y)..<min(self.height, y + height) {
            for column in max(0, x)..<min(self.width, x + width) { self[column, row] = cell }
        }
    }

    /// Each row as plain text, wide graphemes once, trailing cells kept so every line has `width` columns.
    public var lines: [String] {
        (0..<height).map { row in
            cells[(row * width)..<((row + 1) * width)].map(\.text).joined()
        }
    }

    /// The whole grid as text, one line per row.
    public var text: String { lines.joined(separator: "\n") }
}

/// A cell's column and row.
public struct CellPosition: Sendable, Hashable {
    public var x: Int
    public var y: Int

    public init(x: Int, y: Int) {
        self.x = x
        self.y = y
    }
}
