import Foundation
import ParleyContracts
import ParleyCore
import ParleyViews
import Testing

/// Who is typing, on the line above the input: summed up for several, over the last notice while it lasts.
struct TypingLineViewTests {
    static func noticeLine(typing users: [String], notice: String? = nil) -> String {
        var state = ConversationViewTests.state([])
        state.notice = notice
        _ = update(&state, .messagingEvent(.typing(room: ChatScreenViewTests.general.id, users: users)))
        let grid = ConversationViewTests.render(state)
        return String(grid.lines[state.height - 2].reversed().drop { $0 == " " }.reversed())
    }

    @Test(arguments: [
        (["bob"], "bob is typing…"),
        (["bob", "carol"], "bob and carol are typing…"),
        (["bob", "carol", "dave"], "bob, carol and dave are typing…"),
        (["bob", "carol", "dave", "erin", "fay"], "bob, carol and 3 others are typing…"),
    ])
    func typingIsSummedUpAboveTheInput(_ users: [String], _ line: String) {
        #expect(Self.noticeLine(typing: users) == line)
    }

    @Test func typingTakesTheLineFromTheLastNoticeUntilItStops() {
        #expect(Self.noticeLine(typing: ["bob"], notice: "message edited") == "bob is typing…")
        #expect(Self.noticeLine(typing: [], notice: "message edited") == "message edited")
        #expect(Self.noticeLine(typing: []).hasPrefix("Enter send"))
        #expect(Self.noticeLine(typing: ["alice"]).hasPrefix("Enter send"))  // the user's own is not shown
    }
}
