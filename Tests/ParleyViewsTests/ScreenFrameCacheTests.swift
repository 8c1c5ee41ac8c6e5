import Foundation
import ParleyContracts
import ParleyCore
import ParleyViews
import Testing

/// A frame reused for a key must be the frame a whole redraw would give, whatever changed.
struct ScreenFrameCacheTests {
    static let utc = ChatScreenViewTests.utc

    private func render(_ state: AppState, cache: ScreenFrameCache?) -> CellGrid {
        ChatScreenView(
            state: state, timeZone: Self.utc, now: Date(timeIntervalSince1970: 86_400 * 3), frameCache: cache
        ).render()
    }

    @Test func aTypedCharacterRedrawsTheInputRowAsAWholeFrameWould() {
        // Given a screen drawn once through the cache
        let cache = ScreenFrameCache()
        var state = ChatScreenViewTests.chatting()
        _ = render(state, cache: cache)
        // When only the input line changes, twice
        state.input.insert("hello")
        let typed = render(state, cache: cache)
        state.input.backspace()
        let erased = render(state, cache: cache)
        // Then each frame is what drawing the whole screen gives, caret included
        #expect(typed == render(state.withInput("hello"), cache: nil))
        #expect(erased == render(state, cache: nil))
        #expect(erased.lines.last?.hasPrefix("> hell ") == true)
    }

    @Test func anyOtherChangeDrawsTheWholeScreen() {
        // Given a screen drawn through the cache
        let cache = ScreenFrameCache()
        var state = ChatScreenViewTests.chatting()
        _ = render(state, cache: cache)
        // When a message arrives with a key
        state.input.insert("x")
        state.chat.timelines[ChatScreenViewTests.general.id, default: []].append(
            ChatScreenViewTests.message("m5", from: "bob", "a new one", at: 5, sequence: 5))
        let frame = render(state, cache: cache)
        // Then the new message is on screen, as in a whole redraw
        #expect(frame == render(state, cache: nil))
        #expect(frame.lines.contains { $0.contains("a new one") })
    }

    @Test func typingReactIsNotTakenForAMereKeyBecauseItNumbersTheTimeline() {
        let cache = ScreenFrameCache()
        var state = ChatScreenViewTests.chatting()
        state.input.insert("/reac")
        _ = render(state, cache: cache)
        state.input.insert("t")
        #expect(render(state, cache: cache) == render(state, cache: nil))
    }
}

extension AppState {
    fileprivate func withInput(_ text: String) -> AppState {
        var state = self
        state.input = InputLine()
        state.input.insert(text)
        return state
    }
}

struct CellGridRowTests {
    @Test func onlyTheRowThatChangedDiffers() {
        // Given a frame and the next one, in which one row changed
        var before = CellGrid(width: 12, height: 3)
        before.write("room list", x: 0, y: 0)
        before.write("> hel", x: 0, y: 2)
        var after = before
        after.write("> hello", x: 0, y: 2)
        // Then the unchanged rows compare equal, the changed one does not
        #expect(after.rowEquals(0, in: before))
        #expect(after.rowEquals(1, in: before))
        #expect(!after.rowEquals(2, in: before))
        // And a row of a grid of another width never counts as the same
        #expect(!CellGrid(width: 5, height: 3).rowEquals(1, in: before))
    }
}

struct ScreenFrameCacheDayTests {
    @Test func aNewDayDrawsTheWholeScreenSoDayLinesMove() {
        // Given a screen drawn through the cache on one day
        let cache = ScreenFrameCache()
        let state = ChatScreenViewTests.chatting()
        let utc = ChatScreenViewTests.utc
        let firstDay = Date(timeIntervalSince1970: 9 * 3_600 + 86_400 * 0)
        let before = ChatScreenView(state: state, timeZone: utc, now: firstDay, frameCache: cache).render()
        // When the same state is drawn the next day
        let nextDay = firstDay.addingTimeInterval(86_400)
        let frame = ChatScreenView(state: state, timeZone: utc, now: nextDay, frameCache: cache).render()
        // Then it is what a whole redraw on that day gives, not the day before's frame
        #expect(frame == ChatScreenView(state: state, timeZone: utc, now: nextDay, frameCache: nil).render())
        #expect(frame != before)
    }
}
