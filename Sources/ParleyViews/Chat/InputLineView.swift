import ParleyCore

/// The input row: a prompt, then the part of the line around the caret, scrolled sideways so that the caret
/// stays in view, passwords masked and each new line of a multi-line message shown as `↵`.
///
/// Drawing costs what the row shows, not what the line holds: it walks back from the caret only as far as
/// the row reaches, then forward to the row's end, so a key at the end of a 1 MB paste draws as fast as one
/// in an empty line.
struct InputLineView {
    var prompt: String
    var line: InputLine
    /// The message line masks the password of `/login` and `/register`; the Ctrl-R query does not.
    var masksPasswords: Bool

    /// Draws the row `y`, `width` columns wide.
    /// - Returns: the caret's column.
    func render(into grid: inout CellGrid, y: Int, width: Int) -> Int {
        let start = grid.write(prompt, x: 0, y: y, attributes: .bold)
        let available = width - start - 1
        let (shown, caret) = displayedText()
        var first = caret
        var caretColumn = 0
        while first > shown.startIndex {
            let previous = shown.index(before: first)
            let columns = TerminalText.width(Self.displayed(shown[previous..<first]))
            guard caretColumn + columns <= available else { break }
            caretColumn += columns
            first = previous
        }
        var column = start
        var index = first
        while index < shown.endIndex && column < width {
            let next = shown.index(after: index)
            let written = grid.write(Self.displayed(shown[index..<next]), x: column, y: y)
            if written == column { break }  // the next grapheme is wider than what is left of the row
            (column, index) = (written, next)
        }
        return start + caretColumn
    }

    /// The text as shown and the caret in it. A masked line is a short `/login` or `/register` line, so
    /// counting its graphemes to place the caret costs nothing.
    private func displayedText() -> (text: String, caret: String.Index) {
        guard masksPasswords, InputMask.masks(line.text) else { return (line.text, line.caretIndex) }
        let masked = InputMask.displayed(line.text)
        let caret = masked.index(masked.startIndex, offsetBy: line.caret, limitedBy: masked.endIndex)
        return (masked, caret ?? masked.endIndex)
    }

    /// A grapheme as the row draws it: a line end as `↵`.
    private static func displayed(_ grapheme: Substring) -> String {
        grapheme == "\n" || grapheme == "\r\n" ? "↵" : String(grapheme)
    }
}
