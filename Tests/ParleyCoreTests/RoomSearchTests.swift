import ParleyContracts
import ParleyCore
import Testing

/// Ctrl-R: searching the current room's history without losing the message being written.
struct RoomSearchTests {
    static func press(_ keys: [Key], in state: inout AppState) -> [AppEffect] {
        keys.flatMap { update(&state, .input(.key($0))) }
    }

    static func typed(_ text: String) -> [Key] { text.map { .character($0) } }

    @Test func ctrlRSearchesTheCurrentRoomAndKeepsTheDraft() {
        var state = ChatFlowTests.signedIn()
        _ = Self.press(Self.typed("half a thought"), in: &state)
        _ = Self.press([.control("r")], in: &state)
        #expect(state.chat.roomSearch?.room == ChatFlowTests.general.id)

        let effects = Self.press(Self.typed("hi") + [.enter], in: &state)
        #expect(
            effects == [
                .messaging(.search(token: "tok", text: "hi", room: ChatFlowTests.general.id, limit: 50))
            ])
        #expect(state.chat.roomSearch == nil)
        #expect(state.input.text == "half a thought")

        let hit = ChatFlowTests.message("m1", "hi", 1)
        _ = update(
            &state,
            .messagingReplied(
                .search(token: "tok", text: "hi", room: ChatFlowTests.general.id, limit: 50),
                .success(.found([hit]))))
        #expect(state.chat.overlay?.title == "1 found in #general for “hi” (Esc closes)")
        #expect(state.chat.overlay?.lines == ["bob: hi"])
    }

    @Test func escLeavesTheSearchAndTheDraftIsThere() {
        var state = ChatFlowTests.signedIn()
        _ = Self.press(Self.typed("draft") + [.control("r")] + Self.typed("query") + [.escape], in: &state)
        #expect(state.chat.roomSearch == nil)
        #expect(state.input.text == "draft")
    }

    @Test func anEmptyQuerySaysWhatToDoAndStaysOpen() {
        var state = ChatFlowTests.signedIn()
        #expect(Self.press([.control("r"), .character(" "), .enter], in: &state) == [])
        #expect(state.chat.roomSearch != nil)
        #expect(state.notice == "type the words to look for in this room, or Esc to go back")
    }

    @Test func withNoRoomCtrlRSaysSo() {
        var state = AppState(width: 100, height: 30, services: [], clientID: "c")
        _ = update(
            &state,
            .accountReplied(.login(name: "alice", password: "pw"), .success(.session(ChatFlowTests.session))))
        #expect(Self.press([.control("r")], in: &state) == [])
        #expect(state.chat.roomSearch == nil)
        #expect(state.notice == "you are in no room; /join #general to start")
    }
}
