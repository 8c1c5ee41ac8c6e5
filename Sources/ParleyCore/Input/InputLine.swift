/// The line the user types into: text with a caret, and the history of what was entered, walked with Up/Down.
///
/// Editing is by grapheme, so a caret never lands inside an emoji. Alt-Enter puts a newline in the text, so a
/// message may have several lines.
public struct InputLine: Sendable, Equatable {
    public private(set) var text = ""
    /// The caret, in graphemes from the start.
    public private(set) var caret = 0
    private var history: [String] = []
    /// Where Up/Down are in the history; `history.count` means the line being typed.
    private var historyIndex = 0
    /// What was being typed before walking into the history, restored on walking back out.
    private var draft = ""

    public init(text: String = "") {
        self.text = text
        caret = text.count
    }

    public var isEmpty: Bool { text.isEmpty }

    public mutating func insert(_ string: String) {
        let index = text.index(text.startIndex, offsetBy: caret)
        text.insert(contentsOf: string, at: index)
        caret += string.count
    }

    public mutating func backspace() {
        guard caret > 0 else { return }
        text.remove(at: text.index(text.startIndex, offsetBy: caret - 1))
        caret -= 1
    }

    public mutating func deleteForward() {
        guard caret < text.count else { return }
        text.remove(at: text.index(text.startIndex, offsetBy: caret))
    }

    public mutating func moveLeft() { caret = max(0, caret - 1) }
    public mutating func moveRight() { caret = min(text.count, caret + 1) }
    public mutating func moveHome() { caret = 0 }
    public mutating func moveEnd() { caret = text.count }

    /// Deletes from the caret back to the start of the word (Ctrl-W).
    public mutating func deleteWordBackward() {
        let characters = Array(text)
        var start = caret
        while start > 0 && characters[start - 1] == " " { start -= 1 }
        while start > 0 && characters[start - 1] != " " { start -= 1 }
        text = String(characters[..<start] + characters[caret...])
        caret = start
    }

    /// Replaces the whole text, caret at its end.
    public mutating func replace(with string: String) {
        text = string
        caret = string.count
    }

    /// Takes the text to act on, remembers it in the history, and leaves the line empty.
    public mutating func submit() -> String {
        let entered = text
        if !entered.isEmpty && history.last != entered { history.append(entered) }
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
