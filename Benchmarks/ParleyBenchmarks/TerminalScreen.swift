/// What a terminal shows after the bytes a program wrote to it: a grid of characters kept by following the
/// control sequences that ncurses programs send (cursor moves, erases, scroll regions, inserted and deleted
/// lines, repeats). Colours and modes are read and dropped.
///
/// The benchmarks ask it whether a text is on screen now, which the byte stream alone cannot answer: ncurses
/// rewrites only the cells that changed, so a line that replaces a similar one may be sent as a few characters.
struct TerminalScreen {
    let width: Int
    let height: Int
    private var cells: [[Unicode.Scalar]]
    private var row = 0
    private var column = 0
    /// The cursor sits past the last column: the next character wraps first (xterm's deferred wrap).
    private var wrapPending = false
    private var regionTop = 0
    private var regionBottom: Int
    private var saved = (row: 0, column: 0)
    private var lastPrinted: Unicode.Scalar = " "
    private var parser = Parser.ground
    /// The control sequence being read: whether it is a private one (`ESC [ ?`), and its parameter bytes.
    private var isPrivate = false
    private var parameters: [UInt8] = []
    private var utf8 = UTF8Collector()

    private enum Parser {
        case ground, escape, designation, string, stringEscape, control
    }

    init(width: Int, height: Int) {
        self.width = width
        self.height = height
        cells = Array(repeating: Array(repeating: " ", count: width), count: height)
        regionBottom = height - 1
    }

    /// The screen's rows as text.
    var lines: [String] { cells.map { String(String.UnicodeScalarView($0)) } }

    /// Whether `text` is on one row of the screen now.
    func shows(_ text: String) -> Bool {
        let needle = Array(text.unicodeScalars)
        guard let first = needle.first, needle.count <= width else { return needle.isEmpty }
        return cells.contains { row in
            (0...(width - needle.count)).contains { start in
                row[start] == first && row[start..<(start + needle.count)].elementsEqual(needle)
            }
        }
    }

    mutating func feed(_ bytes: ArraySlice<UInt8>) {
        bytes.withUnsafeBufferPointer { buffer in
            for byte in buffer { take(byte) }
        }
    }

    // MARK: - Parsing

    private mutating func take(_ byte: UInt8) {
        switch parser {
        case .ground:
            ground(byte)
        case .escape:
            escape(byte)
        case .designation:
            parser = .ground  // the character set named after `ESC (` and friends: cells keep the bytes
        case .string:
            // An operating-system command (a window title): up to BEL or `ESC \`.
            if byte == 0x07 { parser = .ground } else if byte == 0x1B { parser = .stringEscape }
        case .stringEscape:
            parser = byte == UInt8(ascii: "\\") ? .ground : .string
        case .control:
            if (0x40...0x7E).contains(byte) {
                parser = .ground
                if !isPrivate {
                    let (first, second) = numbers()
                    control(byte, first, second)
                }
            } else if parameters.isEmpty && (0x3C...0x3F).contains(byte) {
                isPrivate = true
            } else {
                parameters.append(byte)
            }
        }
    }

    private mutating func ground(_ byte: UInt8) {
        switch byte {
        case 0x1B: parser = .escape
        case 0x0D: (column, wrapPending) = (0, false)
        case 0x0A, 0x0B, 0x0C: lineFeed()
        case 0x08: (column, wrapPending) = (max(0, column - 1), false)
        case 0x09: column = min(width - 1, (column / 8 + 1) * 8)
        case 0x00..<0x20, 0x7F: break
        default: if let scalar = utf8.add(byte) { print(scalar) }
        }
    }

    private mutating func escape(_ byte: UInt8) {
        parser = .ground
        switch byte {
        case UInt8(ascii: "["):
            parser = .control
            isPrivate = false
            parameters.removeAll(keepingCapacity: true)
        case UInt8(ascii: "]"), UInt8(ascii: "P"), UInt8(ascii: "_"), UInt8(ascii: "^"): parser = .string
        case UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "*"), UInt8(ascii: "+"): parser = .designation
        case UInt8(ascii: "7"): saved = (row, column)
        case UInt8(ascii: "8"): (row, column, wrapPending) = (saved.row, saved.column, false)
        case UInt8(ascii: "D"): lineFeed()
        case UInt8(ascii: "E"): (column, wrapPending) = (0, false); lineFeed()
        case UInt8(ascii: "M"): reverseLineFeed()
        case UInt8(ascii: "c"): self = TerminalScreen(width: width, height: height)
        default: break  // keypad modes and the like change nothing on screen
        }
    }

    /// The sequence's first two numbers (no sequence read here uses more), 0 where one is left out.
    private func numbers() -> (Int, Int) {
        var numbers = (0, 0)
        var index = 0
        for byte in parameters {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9") where index == 0: numbers.0 = numbers.0 * 10 + Int(byte - 48)
            case UInt8(ascii: "0")...UInt8(ascii: "9") where index == 1: numbers.1 = numbers.1 * 10 + Int(byte - 48)
            case UInt8(ascii: ";"): index += 1
            default: break
            }
        }
        return numbers
    }

    // MARK: - Control sequences

    private mutating func control(_ final: UInt8, _ first: Int, _ second: Int) {
        let count = max(1, first)
        wrapPending = false
        switch final {
        case UInt8(ascii: "A"): row = max(row < regionTop ? 0 : regionTop, row - count)
        case UInt8(ascii: "B"), UInt8(ascii: "e"):
            row = min(row > regionBottom ? height - 1 : regionBottom, row + count)
        case UInt8(ascii: "C"), UInt8(ascii: "a"): column = min(width - 1, column + count)
        case UInt8(ascii: "D"): column = max(0, column - count)
        case UInt8(ascii: "E"): (row, column) = (min(height - 1, row + count), 0)
        case UInt8(ascii: "F"): (row, column) = (max(0, row - count), 0)
        case UInt8(ascii: "G"), UInt8(ascii: "`"): column = clamp(count - 1, width)
        case UInt8(ascii: "d"): row = clamp(count - 1, height)
        case UInt8(ascii: "H"), UInt8(ascii: "f"):
            row = clamp(count - 1, height)
            column = clamp(max(1, second) - 1, width)
        case UInt8(ascii: "J"): eraseDisplay(first)
        case UInt8(ascii: "K"): eraseLine(first)
        case UInt8(ascii: "X"): blank(row, from: column, to: min(width, column + count))
        case UInt8(ascii: "@"):
            cells[row].insert(contentsOf: Array(repeating: " ", count: min(count, width - column)), at: column)
            cells[row].removeLast(min(count, width - column))
        case UInt8(ascii: "P"):
            cells[row].removeSubrange(column..<min(width, column + count))
            cells[row] += Array(repeating: " ", count: width - cells[row].count)
        case UInt8(ascii: "L"): if (regionTop...regionBottom).contains(row) { scrollDown(count, from: row) }
        case UInt8(ascii: "M"): if (regionTop...regionBottom).contains(row) { scrollUp(count, from: row) }
        case UInt8(ascii: "S"): scrollUp(count, from: regionTop)
        case UInt8(ascii: "T"): scrollDown(count, from: regionTop)
        case UInt8(ascii: "b"): for _ in 0..<count { print(lastPrinted) }
        case UInt8(ascii: "r"):
            let bottom = second > 0 ? second : height
            (regionTop, regionBottom) = (clamp(count - 1, height), clamp(bottom - 1, height))
            (row, column) = (0, 0)
        case UInt8(ascii: "s"): saved = (row, column)
        case UInt8(ascii: "u"): (row, column) = saved
        default: break  // colours, modes, reports: nothing on screen moves
        }
    }

    private func clamp(_ value: Int, _ limit: Int) -> Int { min(max(0, value), limit - 1) }

    // MARK: - Drawing

    private mutating func print(_ scalar: Unicode.Scalar) {
        if wrapPending {
            column = 0
            wrapPending = false
            lineFeed()
        }
        cells[row][column] = scalar
        lastPrinted = scalar
        if column == width - 1 { wrapPending = true } else { column += 1 }
    }

    private mutating func lineFeed() {
        wrapPending = false
        if row == regionBottom { scrollUp(1, from: regionTop) } else if row < height - 1 { row += 1 }
    }

    private mutating func reverseLineFeed() {
        wrapPending = false
        if row == regionTop { scrollDown(1, from: regionTop) } else if row > 0 { row -= 1 }
    }

    /// Moves the lines from `top` to the region's foot up by `count`, blank lines coming in at the foot.
    private mutating func scrollUp(_ count: Int, from top: Int) {
        let count = min(count, regionBottom - top + 1)
        cells.removeSubrange(top..<(top + count))
        cells.insert(contentsOf: blankRows(count), at: regionBottom - count + 1)
    }

    /// Moves the lines from `top` to the region's foot down by `count`, blank lines coming in at `top`.
    private mutating func scrollDown(_ count: Int, from top: Int) {
        let count = min(count, regionBottom - top + 1)
        cells.removeSubrange((regionBottom - count + 1)...regionBottom)
        cells.insert(contentsOf: blankRows(count), at: top)
    }

    private func blankRows(_ count: Int) -> [[Unicode.Scalar]] {
        Array(repeating: Array(repeating: " ", count: width), count: count)
    }

    private mutating func blank(_ line: Int, from start: Int, to end: Int) {
        guard start < end else { return }
        for index in start..<end { cells[line][index] = " " }
    }

    private mutating func eraseLine(_ mode: Int) {
        switch mode {
        case 1: blank(row, from: 0, to: column + 1)
        case 2: blank(row, from: 0, to: width)
        default: blank(row, from: column, to: width)
        }
    }

    private mutating func eraseDisplay(_ mode: Int) {
        switch mode {
        case 1:
            for line in 0..<row { blank(line, from: 0, to: width) }
            blank(row, from: 0, to: column + 1)
        case 2, 3:
            cells = blankRows(height)
        default:
            blank(row, from: column, to: width)
            for line in (row + 1)..<height { blank(line, from: 0, to: width) }
        }
    }
}
