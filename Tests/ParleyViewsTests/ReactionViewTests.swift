import Foundation
import ParleyContracts
import ParleyCore
import ParleyViews
import Testing

/// Reactions on the whole screen: grouped with counts under the message, the user's own in brackets, and the
/// numbers `/react N` takes shown in place of the time while it is typed.
struct ReactionViewTests {
    static func state() -> AppState {
        var state = ConversationViewTests.state([
            ConversationViewTests.message("m1", from: "bob", "lunch?", daysAgo: 0, hour: 9, sequence: 1),
            ConversationViewTests.message("m2", from: "carol", "noon works", daysAgo: 0, hour: 10, sequence: 2),
        ])
        state.chat.timelines[ChatScreenViewTests.general.id]?[0].reactions = [
            Reaction(key: "👍", users: ["bob", "alice", "carol"]), Reaction(key: "🎉", users: ["carol"]),
        ]
        return state
    }

    @Test func reactionsShowUnderTheMessageGroupedWithTheUsersOwnInBrackets() {
        let rows = ConversationViewTests.timeline(ConversationViewTests.render(Self.state())).filter { !$0.isEmpty }
        #expect(
            Array(rows.suffix(3)) == [
                "09:00 bob: lunch?",
                "           [👍 3]  🎉 1",
                "10:00 carol: noon works",
            ])
    }

    @Test func typingReactNumbersRecentMessagesInPlaceOfTheirTime() {
        var state = Self.state()
        state.input.insert("/react ")
        let rows = ConversationViewTests.timeline(ConversationViewTests.render(state)).filter { !$0.isEmpty }
        #expect(rows.contains("  [2] bob: lunch?"))
        #expect(rows.contains("  [1] carol: noon works"))
        state.input.replace(with: "lunch")
        let plain = ConversationViewTests.timeline(ConversationViewTests.render(state))
        #expect(plain.contains("09:00 bob: lunch?"))
    }
}
