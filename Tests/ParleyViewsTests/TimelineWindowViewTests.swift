import Foundation
import ParleyContracts
import ParleyCore
import ParleyViews
import Testing

/// The timeline and the input row drawn from a long history and a long line: what the screen shows, whatever
/// lies beyond it.
struct TimelineWindowViewTests {
    static let general = ChatScreenViewTests.general

    /// 60x10 (7 timeline rows), in #general holding `count` one-line messages `n` for n in 1...count.
    static func screen(messages count: Int) -> AppState {
        var state = ChatScreenViewTests.chatting(width: 60, height: 10)
        state.chat.pending = []
        state.chat.timelines[general.id] = (1...count).map {
            ChatScreenViewTests.message("m\($0)", from: "bob", "n\($0)", at: 0, sequence: Int64($0))
        }
        return state
    }

    static func timeline(_ state: AppState) -> [String] {
        let lines = ChatScreenView(state: state, showTimestamps: false, timeZone: ChatScreenViewTests.utc).render()
            .lines
        return lines[1...7].map { String($0.dropFirst(20)).trimmingCharacters(in: .whitespaces) }
    }

    @Test func theNewestMessagesFillTheScreenFromTheFoot() {
        #expect(Self.timeline(Self.screen(messages: 5_000)) == (4_994...5_000).map { "bob: n\($0)" })
        #expect(Self.timeline(Self.screen(messages: 2)) == ["", "", "", "", "", "bob: n1", "bob: n2"])
    }

    @Test func scrolledBackTheLinesAboveShowWithAMarker() {
        var state = Self.screen(messages: 5_000)
        state.chat.scrollBack = 10
        let shown = Self.timeline(state)
        #expect(Array(shown.prefix(6)) == (4_984...4_989).map { "bob: n\($0)" })
        #expect(shown[6].hasPrefix("bob: n4990") && shown[6].hasSuffix("↓ 10 more"))
    }

    @Test func scrolledPastTheOldestTheFirstLinesStayAtTheTop() {
        var state = Self.screen(messages: 8)
        state.chat.scrollBack = 500
        #expect(Self.timeline(state).first == "bob: n1")
    }

    @Test func afterAJumpToTheOldestTheFirstMessageIsAtTheTop() {
        var state = Self.screen(messages: 5_000)
        state.chat.scrollFromTop = 0
        let shown = Self.timeline(state)
        #expect(Array(shown.prefix(6)) == (1...6).map { "bob: n\($0)" })
        #expect(shown[6].hasSuffix("↓ more · Alt-End newest"))
        state.chat.scrollFromTop = 3
        #expect(Self.timeline(state).first == "bob: n4")
    }

    @Test func aLongInputLineShowsTheTextBeforeTheCaret() {
        var state = Self.screen(messages: 1)
        state.input.insert(String(repeating: "a", count: 100_000) + "the end")
        let grid = ChatScreenView(state: state, timeZone: ChatScreenViewTests.utc).render()
        let row = grid.lines[9]
        #expect(row.hasPrefix("> aaaa"))
        #expect(row.hasSuffix("the end "))
        #expect(grid.cursor == CellPosition(x: 59, y: 9))
        state.input.moveHome()
        state.input.insert("start\n")
        let moved = ChatScreenView(state: state, timeZone: ChatScreenViewTests.utc).render()
        #expect(moved.lines[9].hasPrefix("> start↵aaa"))
        #expect(moved.cursor == CellPosition(x: 8, y: 9))
    }
}
