import ParleyCore
import Testing

struct InputLineTests {
    @Test func editsByGraphemeSoTheCaretNeverSplitsAnEmoji() {
        var line = InputLine()
        line.insert("hi 👩‍👩‍👧 x")
        line.moveLeft()
        line.moveLeft()
        line.backspace()
        #expect(line.text == "hi  x")
        #expect(line.caret == 3)
    }

    @Test func upAndDownWalkTheHistoryAndComeBackToTheDraft() {
        var line = InputLine()
        for entry in ["first", "second"] {
            line.insert(entry)
            _ = line.submit()
        }
        line.insert("draft")
        line.historyBack()
        #expect(line.text == "second")
        line.historyBack()
        line.historyBack()
        #expect(line.text == "first")
        line.historyForward()
        line.historyForward()
        #expect(line.text == "draft")
    }

    @Test func ctrlWDeletesTheWordBeforeTheCaret() {
        var line = InputLine(text: "say hello world")
        line.deleteWordBackward()
        #expect(line.text == "say hello ")
    }

    @Test(arguments: [
        ("/login alice secret", "/login alice ••••••"),
        ("/register bob pässwörd Bob B", "/register bob •••••••• Bob B"),
        ("/LOGIN  carol  pw", "/LOGIN  carol  ••"),
        ("hello secret", "hello secret"),
        ("/join #room", "/join #room"),
    ])
    func passwordsAreMaskedGraphemeForGrapheme(_ typed: String, _ shown: String) {
        #expect(InputMask.displayed(typed) == shown)
    }
}

/// A long line edits as a short one does: the caret is kept as a position, never counted from the start.
struct LongInputLineTests {
    @Test func editingInTheMiddleOfALongLineKeepsEverythingAroundIt() {
        let half = String(repeating: "ab😀 ", count: 20_000)
        var line = InputLine(text: half + half)
        line.moveHome()
        for _ in 0..<(half.count) { line.moveRight() }
        line.insert("X")
        #expect(line.caret == half.count + 1)
        line.backspace()
        line.backspace()
        #expect(line.text == half.dropLast() + half)
        line.deleteForward()
        #expect(line.text == half.dropLast() + half.dropFirst())
        line.moveEnd()
        line.insert("!")
        #expect(line.text.hasSuffix("😀 !"))
        #expect(line.text[..<line.caretIndex] == line.text[...])
    }

    @Test func ctrlWInTheMiddleDeletesOnlyTheWordBeforeTheCaret() {
        var line = InputLine(text: "one two  three")
        for _ in 0..<5 { line.moveLeft() }
        line.deleteWordBackward()
        #expect(line.text == "one three")
        #expect(line.caret == 4)
    }
}

struct InputHistoryLimitTests {
    @Test func aLineLargerThanAMessageIsNotKeptInTheHistory() {
        var line = InputLine()
        line.insert("short")
        _ = line.submit()
        line.insert(String(repeating: "x", count: 100_000))
        #expect(line.submit().count == 100_000)
        line.historyBack()
        #expect(line.text == "short")
    }
}
