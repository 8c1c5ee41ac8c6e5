import Foundation
import ParleyContracts
import ParleyCore
import ParleyTestKit
import ParleyViews
import Testing

/// Read receipts on the whole screen: `✓` beside the user's stored messages, `✓✓` once every other member has
/// read them, and in a small room the readers' names on the newest of the user's messages each has reached.
struct ReceiptViewTests {
    static let general = ChatScreenViewTests.general

    static func message(_ id: String, from sender: String, _ text: String, _ sequence: Int64) -> ChatMessage {
        ConversationViewTests.message(id, from: sender, text, daysAgo: 0, hour: 8 + Int(sequence), sequence: sequence)
    }

    /// alice's conversation in #general (alice, bob and carol): bob has read up to m3, carol to the newest.
    static func state(memberCount: Int = 3) -> AppState {
        var state = ConversationViewTests.state([
            message("m1", from: "alice", "lunch?", 1),
            message("m2", from: "bob", "where?", 2),
            message("m3", from: "alice", "the usual", 3),
            message("m4", from: "alice", "at noon", 4),
            message("m5", from: "carol", "see you there", 5),
        ])
        state.chat.rooms[0].memberCount = memberCount
        state.chat.receipts[general.id] = [
            "bob": ReadReceipt(user: "bob", message: MessageID("m3"), sequence: 3),
            "carol": ReadReceipt(user: "carol", message: MessageID("m5"), sequence: 5),
            "alice": ReadReceipt(user: "alice", message: MessageID("m5"), sequence: 5),
        ]
        return state
    }

    static func rows(_ state: AppState, colors: Bool = true) -> [String] {
        ConversationViewTests.timeline(ConversationViewTests.render(state, colors: colors)).filter { !$0.isEmpty }
    }

    @Test func aSmallRoomNamesEachReaderOnTheNewestMessageTheyReached() {
        let grid = ConversationViewTests.render(Self.state())
        expectSnapshot(grid.text, named: "receipts-small-room")
        #expect(
            Array(ConversationViewTests.timeline(grid).filter { !$0.isEmpty }.suffix(5)) == [
                "09:00 alice: lunch? ✓✓",
                "10:00 bob: where?",
                "11:00 alice: the usual ✓✓ read by bob",
                "12:00 alice: at noon ✓ read by carol",
                "13:00 carol: see you there",
            ])
    }

    @Test func aLargerRoomShowsOnlyTheMarksAndReadByAllNeedsEveryMember() {
        // Four members, one of whom has sent no receipt: nothing is read by all, the readers are still named.
        var state = Self.state(memberCount: 4)
        #expect(
            Array(Self.rows(state).suffix(5)) == [
                "09:00 alice: lunch? ✓", "10:00 bob: where?", "11:00 alice: the usual ✓ read by bob",
                "12:00 alice: at noon ✓ read by carol", "13:00 carol: see you there",
            ])
        // Six members, so more than a small room: every other one has read up to m3.
        state.chat.rooms[0].memberCount = 6
        state.chat.receipts[Self.general.id] = Dictionary(
            uniqueKeysWithValues: ["bob", "carol", "dave", "erin", "frank"].map {
                ($0, ReadReceipt(user: $0, message: MessageID("m3"), sequence: 3))
            })
        #expect(
            Array(Self.rows(state).suffix(5)) == [
                "09:00 alice: lunch? ✓✓", "10:00 bob: where?", "11:00 alice: the usual ✓✓", "12:00 alice: at noon ✓",
                "13:00 carol: see you there",
            ])
    }

    @Test func withoutColoursReadByAllStaysTellableFromDelivered() {
        let grid = ConversationViewTests.render(Self.state(), colors: false)
        guard let row = grid.lines.firstIndex(where: { $0.contains("the usual ✓✓") }),
            let mark = grid.lines[row].range(of: "✓✓")
        else {
            Issue.record("the mark is not on the screen")
            return
        }
        let column = grid.lines[row].distance(from: grid.lines[row].startIndex, to: mark.lowerBound)
        #expect(grid[column, row].attributes == .bold)
        #expect(grid[column, row].foreground == .default)
        #expect(Self.rows(Self.state(), colors: false).contains("12:00 alice: at noon ✓ read by carol"))
    }

    @Test func aReceiptMovingLaysTheMessagesOutAgain() {
        let cache = TimelineLayoutCache()
        var state = Self.state()
        let render = { (state: AppState) in
            ConversationViewTests.timeline(
                ChatScreenView(
                    state: state, timeZone: ConversationViewTests.utc, locale: Locale(identifier: "en_US"),
                    now: ConversationViewTests.now, layoutCache: cache
                ).render())
        }
        _ = render(state)
        state.chat.receipts[Self.general.id]?["bob"] = ReadReceipt(user: "bob", message: MessageID("m5"), sequence: 5)
        let rows = render(state).filter { !$0.isEmpty }
        #expect(rows.contains("11:00 alice: the usual ✓✓"))
        #expect(rows.contains("12:00 alice: at noon ✓✓ read by bob, carol"))
        #expect(rows == Self.rows(state))
    }
}
