import Foundation
import ParleyContracts
import ParleyCore
import Testing

/// `/react [N] EMOJI` and `/unreact [N]` in the core: N counts back from the newest message, live changes
/// reach the timeline, and an edit keeps what the message had.
struct ReactionFlowTests {
    /// Signed in as alice in #general, which holds m1…m4 (m3 deleted).
    static func signedIn() -> AppState {
        var state = ChatFlowTests.signedIn()
        var deleted = ChatFlowTests.message("m3", "gone", 3)
        deleted.isDeleted = true
        state.chat.timelines[ChatFlowTests.general.id] = [
            ChatFlowTests.message("m1", "hi", 1), ChatFlowTests.message("m2", "lunch?", 2), deleted,
            ChatFlowTests.message("m4", from: "alice", "noon", 4),
        ]
        return state
    }

    @Test func reactWithoutANumberTakesTheNewestAndNumbersCountBackSkippingDeletedOnes() {
        var state = Self.signedIn()
        #expect(
            ChatFlowTests.type("/react 👍", into: &state)
                == [.messaging(.react(token: "tok", message: MessageID("m4"), key: "👍"))])
        #expect(
            ChatFlowTests.type("/react 2 🎉", into: &state)
                == [.messaging(.react(token: "tok", message: MessageID("m2"), key: "🎉"))])
        #expect(
            ChatFlowTests.type("/unreact 3", into: &state)
                == [.messaging(.unreact(token: "tok", message: MessageID("m1")))])
        #expect(ChatFlowTests.type("/react 9 👍", into: &state) == [])
        #expect(state.notice == "no message 9; the recent messages are numbered 1 (the newest) to 3")
        #expect(ChatFlowTests.type("/react", into: &state) == [])
        #expect(state.notice == "usage: /react [N] EMOJI")
    }

    @Test func typingReactNumbersTheRecentMessages() {
        var state = Self.signedIn()
        #expect(!state.isChoosingReactionTarget)
        for character in "/react " { _ = update(&state, .input(.key(.character(character)))) }
        #expect(state.isChoosingReactionTarget)
        #expect(state.chat.recentMessages(in: ChatFlowTests.general.id).map(\.id.rawValue) == ["m4", "m2", "m1"])
    }

    @Test func reactionsChangedLiveReachTheTimelineAndAnEditKeepsThem() {
        var state = Self.signedIn()
        let reactions = [Reaction(key: "👍", users: ["bob", "alice"])]
        _ = update(
            &state,
            .messagingEvent(
                .reactionsChanged(room: ChatFlowTests.general.id, message: MessageID("m2"), reactions: reactions)))
        #expect(state.chat.timelines[ChatFlowTests.general.id]?[1].reactions == reactions)
        var edited = ChatFlowTests.message("m2", "lunch at one?", 2)
        edited.editedAt = Date(timeIntervalSince1970: 60)
        _ = update(&state, .messagingEvent(.messageEdited(edited)))
        #expect(state.chat.timelines[ChatFlowTests.general.id]?[1].text == "lunch at one?")
        #expect(state.chat.timelines[ChatFlowTests.general.id]?[1].reactions == reactions)
    }

    @Test func theReplyToUnreactReplacesTheReactions() {
        var state = Self.signedIn()
        let request = MessagingRequest.unreact(token: "tok", message: MessageID("m2"))
        var message = ChatFlowTests.message("m2", "lunch?", 2)
        message.reactions = []
        state.chat.timelines[ChatFlowTests.general.id]?[1].reactions = [Reaction(key: "👍", users: ["alice"])]
        _ = update(&state, .messagingReplied(request, .success(.message(message))))
        #expect(state.chat.timelines[ChatFlowTests.general.id]?[1].reactions == [])
    }
}
