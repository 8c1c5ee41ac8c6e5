import Foundation
import ParleyContracts
import ParleyCore
import ParleyViews
import Testing

/// Day lines, mentions and NO_COLOR on the whole screen, with the clock and the locale fixed.
struct ConversationViewTests {
    static let utc = ChatScreenViewTests.utc
    static let general = ChatScreenViewTests.general
    /// Monday 30 November 2026, 10:00 UTC.
    static let now = Date(timeIntervalSince1970: 1_796_032_800)

    static func message(_ id: String, from sender: String, _ text: String, daysAgo: Int, hour: Int, sequence: Int64)
        -> ChatMessage
    {
        let midnight = now.timeIntervalSince1970 - 10 * 3600
        let sentAt = Date(timeIntervalSince1970: midnight - Double(daysAgo * 86_400) + Double(hour * 3600))
        return ChatMessage(
            id: MessageID(id), room: general.id, sender: sender, text: text, sentAt: sentAt, sequence: sequence)
    }

    static func state(_ messages: [ChatMessage], width: Int = 80, height: Int = 12) -> AppState {
        var state = ChatScreenViewTests.chatting(width: width, height: height)
        state.chat.pending = []
        state.chat.timelines[general.id] = messages
        return state
    }

    static func render(_ state: AppState, locale: String = "en_US", colors: Bool = true) -> CellGrid {
        ChatScreenView(
            state: state, timeZone: utc, locale: Locale(identifier: locale), now: now, showsColors: colors
        ).render()
    }

    /// The timeline's rows (right of the room list), trailing spaces dropped.
    static func timeline(_ grid: CellGrid) -> [String] {
        grid.lines.dropFirst().dropLast(2).map { line in
            String(line.dropFirst(ChatLayout.roomListWidth + 1).reversed().drop { $0 == " " }.reversed())
        }
    }

    @Test func aDayLineSeparatesMessagesOfDifferentDays() {
        let state = Self.state([
            Self.message("m1", from: "bob", "last week", daysAgo: 7, hour: 9, sequence: 1),
            Self.message("m2", from: "bob", "still last week", daysAgo: 7, hour: 11, sequence: 2),
            Self.message("m3", from: "carol", "yesterday evening", daysAgo: 1, hour: 21, sequence: 3),
            Self.message("m4", from: "bob", "this morning", daysAgo: 0, hour: 8, sequence: 4),
        ])
        let rows = Self.timeline(Self.render(state)).filter { !$0.isEmpty }
        let rule = { (label: String) in "──── \(label) " + String(repeating: "─", count: 59 - 6 - label.count) }
        #expect(
            rows == [
                rule("Monday, November 23, 2026"),
                "09:00 bob: last week",
                "11:00 bob: still last week",
                rule("Yesterday"),
                "21:00 carol: yesterday evening",
                rule("Today"),
                "08:00 bob: this morning",
            ])
    }

    @Test func theDateIsWrittenInTheUsersLocale() {
        let state = Self.state([Self.message("m1", from: "bob", "hallo", daysAgo: 7, hour: 9, sequence: 1)])
        let rows = Self.timeline(Self.render(state, locale: "de_DE"))
        #expect(rows.contains { $0.contains("Montag, 23. November 2026") })
    }

    @Test func aMentionIsHighlightedAndStaysVisibleWithoutColours() {
        let state = Self.state([Self.message("m1", from: "bob", "ping @alice now", daysAgo: 0, hour: 9, sequence: 1)])
        for colors in [true, false] {
            let grid = Self.render(state, colors: colors)
            guard let row = grid.lines.firstIndex(where: { $0.contains("ping @alice now") }) else {
                Issue.record("the message is not on the screen")
                return
            }
            let column = grid.lines[row].distance(
                from: grid.lines[row].startIndex, to: grid.lines[row].range(of: "@alice")!.lowerBound)
            #expect(grid[column, row].attributes == [.bold, .reverse])
            #expect(grid[column, row].foreground == (colors ? .indexed(3) : .default))
            #expect(grid[column - 2, row].attributes == [])  // "ping" is plain
        }
    }

    @Test func ownMessagesNamingTheUserAreNotHighlighted() {
        let state = Self.state([Self.message("m1", from: "alice", "alice here", daysAgo: 0, hour: 9, sequence: 1)])
        let grid = Self.render(state)
        let row = grid.lines.firstIndex { $0.contains("alice here") }!
        let column =
            grid.lines[row].distance(
                from: grid.lines[row].startIndex, to: grid.lines[row].range(of: ": alice")!.lowerBound) + 2
        #expect(grid[column, row].attributes == [])
    }

    @Test func theRoomListShowsHighlightsBesideTheUnreadCount() {
        var state = Self.state([])
        state.chat.highlights[ChatScreenViewTests.random.id] = 2
        let grid = Self.render(state)
        #expect(grid.lines[2].hasPrefix("2 #random (4) @2"))
        let at = grid.lines[2].distance(from: grid.lines[2].startIndex, to: grid.lines[2].range(of: "@2")!.lowerBound)
        #expect(grid[at, 2].attributes == [.bold, .reverse])
    }

    @Test func noColorTurnsEveryColourOffAndKeepsAttributes() {
        var state = Self.state([Self.message("m1", from: "bob", "hello", daysAgo: 0, hour: 9, sequence: 1)])
        state.notice = "something happened"
        let coloured = Self.render(state)
        let plain = Self.render(state, colors: false)
        #expect(coloured.cells.contains { $0.foreground != .default })
        #expect(plain.cells.allSatisfy { $0.foreground == .default && $0.background == .default })
        #expect(plain.text == coloured.text)
        #expect(plain.cells.map(\.attributes) == coloured.cells.map(\.attributes))
    }
}
