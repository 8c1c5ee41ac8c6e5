import Foundation
import ParleyContracts
import ParleyCore
import ParleyViews
import Testing

/// Messages laid out once and kept between frames: what is kept is what the layout would give now, after an
/// edit or a resize as much as before.
struct TimelineLayoutCacheTests {
    static let general = ChatScreenViewTests.general

    static func timeline(_ state: AppState, cache: TimelineLayoutCache?) -> [String] {
        let grid = ChatScreenView(
            state: state, showTimestamps: false, timeZone: ChatScreenViewTests.utc, layoutCache: cache
        )
        .render()
        return grid.lines[1...(state.height - 3)].map {
            String($0.dropFirst(20)).trimmingCharacters(in: .whitespaces)
        }
    }

    @Test func eachMessageIsLaidOutOnceAcrossFrames() {
        let cache = TimelineLayoutCache()
        let state = TimelineWindowViewTests.screen(messages: 5_000)
        let first = Self.timeline(state, cache: cache)
        #expect(cache.count == 7)
        #expect(Self.timeline(state, cache: cache) == first)
        #expect(cache.count == 7)
        #expect(first == Self.timeline(state, cache: nil))
    }

    @Test func anEditedMessageIsLaidOutAgain() {
        let cache = TimelineLayoutCache()
        var state = TimelineWindowViewTests.screen(messages: 3)
        _ = Self.timeline(state, cache: cache)
        state.chat.timelines[Self.general.id]?[2].text = "changed"
        state.chat.timelines[Self.general.id]?[2].editedAt = Date(timeIntervalSince1970: 60)
        #expect(Self.timeline(state, cache: cache).last == "bob: changed (edited)")
    }

    @Test func aNarrowerScreenWrapsAgain() {
        let cache = TimelineLayoutCache()
        var state = TimelineWindowViewTests.screen(messages: 1)
        state.chat.timelines[Self.general.id]?[0].text = "one two three four five six seven eight nine ten"
        _ = Self.timeline(state, cache: cache)
        state.width = 45
        let narrow = Self.timeline(state, cache: cache)
        #expect(narrow == Self.timeline(state, cache: nil))
        #expect(narrow.suffix(2).allSatisfy { !$0.isEmpty })
    }

    @Test func whatIsKeptStaysBounded() {
        let cache = TimelineLayoutCache(capacity: 4)
        var state = TimelineWindowViewTests.screen(messages: 100)
        for back in stride(from: 0, to: 90, by: 7) {
            state.chat.scrollBack = back
            _ = Self.timeline(state, cache: cache)
        }
        #expect(cache.count <= 8)
    }
}
