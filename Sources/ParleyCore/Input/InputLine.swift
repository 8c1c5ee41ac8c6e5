/// The line the user types into: text with a caret, and the history of what was entered, walked with Up/Down.
///
/// Editing is by grapheme, so a caret never lands inside an emoji. Alt-Enter puts a newline in the text, so a
/// message may have several lines.
public struct InputLine: Sendable, Equatable {
    public private(set) var text = ""
    /// The caret as a UTF-8 offset into `text`: a native string turns it into an index in constant time, so
    /// a key costs the same at the end of a 1 MB paste as in an empty line.
    private var caretOffset = 0
    private var history: [String] = []
    /// Where Up/Down are in the history; `history.count` means the line being typed.
    private var historyIndex = 0
    /// What was being typed before walking into the history, restored on walking back out.
    private var draft = ""

    public init(text: String = "") {
        self.text = text
        caretOffset = text.utf8.count
    }

    public var isEmpty: Bool { text.isEmpty }

    /// Where the caret is in `text`: between graphemes, unless an insert joined it into one (a combining mark
    /// typed before its base), which String's own moves then round down.
    public var caretIndex: String.Index { text.utf8.index(text.startIndex, offsetBy: caretOffset) }

    /// The caret in graphemes from the start. Counting takes as long as the text before the caret: for tests
    /// and short lines, never for drawing.
    public var caret: Int { text.distance(from: text.startIndex, to: caretIndex) }

    public mutating func insert(_ string: String) {
        text.insert(contentsOf: string, at: caretIndex)
        caretOffset += string.utf8.count
    }

    public mutating func backspace() {
        let end = caretIndex
        guard end > text.startIndex else { return }
        let start = text.index(before: end)
        text.removeSubrange(start..<end)
        moveCaret(to: start)
    }

    public mutating func deleteForward() {
        let start = caretIndex
        guard start < text.endIndex else { return }
        text.removeSubrange(start..<text.index(after: start))
    }

    public mutating func moveLeft() {
        let index = caretIndex
        if index > text.startIndex { moveCaret(to: text.index(before: index)) }
    }

    public mutating func moveRight() {
        let index = caretIndex
        if index < text.endIndex { moveCaret(to: text.index(after: index)) }
    }

    public mutating func moveHome() { caretOffset = 0 }
    public mutating func moveEnd() { caretOffset = text.utf8.count }

    /// Deletes from the caret back to the start of the word (Ctrl-W).
    public mutating func deleteWordBackward() {
        let end = caretIndex
        var start = end
        while start > text.startIndex && text[text.index(before: start)] == " " { start = text.index(before: start) }
        while start > text.startIndex && text[text.index(before: start)] != " " { start = text.index(before: start) }
        text.removeSubrange(start..<end)
        moveCaret(to: start)
    }

    private mutating func moveCaret(to index: String.Index) {
        caretOffset = text.utf8.distance(from: text.startIndex, to: index)
    }

    /// Replaces the whole text, caret at its end.
    public mutating func replace(with string: String) {
        text = string
        caretOffset = string.utf8.count
    }

    /// The longest entry the history keeps: a message's size. A larger paste is not a line to recall, and 500
    /// of them would hold hundreds of MB.
    static let historyEntryLimit = 64 * 1024

    /// Takes the text to act on, remembers it in the history, and leaves the line empty.
    public mutating func submit() -> String {
        let entered = text
        if !entered.isEmpty && entered.utf8.count <= Self.historyEntryLimit && history.last != entered {
            history.append(entered)
        }
        if history.count > 500 { history.removeFirst(history.count - 500) }
        historyIndex = history.count
        draft = ""
        replace(with: "")
        return entered
    }

    /// Up: the previous entry of the history.
    public mutating func historyBack() {
        guard historyIndex > 0 else { return }
        if historyIndex == history.count { draft = text }
        historyIndex -= 1
        replace(with: history[historyIndex])
    }

    /// Down: the next entry, and past the newest, what was being typed.
    public mutating func historyForward() {
        guard historyIndex < history.count else { return }
        historyIndex += 1
        replace(with: historyIndex == history.count ? draft : history[historyIndex])
    }
}
