import ParleyContracts
import ParleyCore
import Testing

/// A paste arrives as one event: its text goes into the input line whole, and Enter sends it as one message.
struct PasteTests {
    @Test func aPasteWithNewLinesIsOneMessageSentByOneEnter() {
        var state = ChatFlowTests.signedIn()
        #expect(update(&state, .input(.paste("first line\nsecond line\nthird"))) == [])
        #expect(state.input.text == "first line\nsecond line\nthird")
        #expect(state.chat.pending.isEmpty)
        #expect(state.notice == "pasted 3 lines: Enter sends them as one message, Ctrl-U clears the line")
        let effects = update(&state, .input(.key(.enter)))
        #expect(state.chat.pending.map(\.text) == ["first line\nsecond line\nthird"])
        let sends = effects.filter {
            if case .messaging(.send) = $0 { return true }
            if case .messaging(.sendBatch) = $0 { return true }
            return false
        }
        #expect(sends.count == 1)
    }

    @Test func aPasteGoesInAtTheCaret() {
        var state = ChatFlowTests.signedIn()
        state.input.insert("say  now")
        for _ in 0..<4 { state.input.moveLeft() }
        _ = update(&state, .input(.paste("hello")))
        #expect(state.input.text == "say hello now")
        #expect(state.input.caret == 9)
    }

    @Test func aPasteLongerThanAMessageMayBeSaysSo() {
        var state = ChatFlowTests.signedIn()
        let text = String(repeating: "x", count: 1 << 20)
        _ = update(&state, .input(.paste(text)))
        #expect(state.input.text.utf8.count == 1 << 20)
        #expect(
            state.notice
                == "the message is 1024 KiB, over the 64 KiB a message may hold: shorten it, or put the text in a file and /attach it"
        )
    }

    @Test func theSearchPromptTakesAPasteAsOneLineAndThePanelIgnoresIt() {
        var state = ChatFlowTests.signedIn()
        _ = update(&state, .input(.key(.control("r"))))
        _ = update(&state, .input(.paste("two\nwords")))
        #expect(state.chat.roomSearch?.query.text == "two words")
        #expect(state.input.isEmpty)
        _ = update(&state, .input(.key(.escape)))
        state.isDebugPanelOpen = true
        _ = update(&state, .input(.paste("r q")))
        #expect(state.input.isEmpty)
        #expect(!state.isQuitting)
    }
}
