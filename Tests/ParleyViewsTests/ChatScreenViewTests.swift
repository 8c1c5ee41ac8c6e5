import Foundation
import ParleyContracts
import ParleyCore
import ParleyTestKit
import ParleyViews
import ServiceRuntime
import Testing

struct ChatScreenViewTests {
    static let utc = TimeZone(identifier: "UTC")!
    static let general = Room(id: RoomID("r1"), kind: .publicRoom, name: "#general", memberCount: 3, unreadCount: 0)
    static let random = Room(id: RoomID("r2"), kind: .publicRoom, name: "#random", memberCount: 2, unreadCount: 4)
    static let direct = Room(id: RoomID("d1"), kind: .direct, name: "carol", memberCount: 2, unreadCount: 0)

    static func message(_ id: String, from sender: String, _ text: String, at minutes: Int, sequence: Int64)
        -> ChatMessage
    {
        ChatMessage(
            id: MessageID(id), room: general.id, sender: sender, text: text,
            sentAt: Date(timeIntervalSince1970: TimeInterval(9 * 3600 + minutes * 60)), sequence: sequence)
    }

    static func chatting(width: Int = 80, height: Int = 12) -> AppState {
        var state = AppState(
            width: width, height: height,
            services: [
                ServiceStatus(name: "account", state: .running), ServiceStatus(name: "messaging", state: .stopped),
            ])
        state.chat.session = Session(token: "t", user: "alice", displayName: "Alice", expiresAt: .distantFuture)
        state.chat.rooms = [general, random, direct]
        state.chat.currentRoom = general.id
        var edited = message("m3", from: "alice", "typo fixed", at: 3, sequence: 3)
        edited.editedAt = Date()
        var deleted = message("m4", from: "bob", "oops", at: 4, sequence: 4)
        deleted.isDeleted = true
        state.chat.timelines[general.id] = [
            message("m1", from: "bob", "morning all", at: 1, sequence: 1),
            message("m2", from: "mallory", "\u{1B}[2J\u{1B}]0;pwned\u{07}clear?\nsecond line", at: 2, sequence: 2),
            edited, deleted,
        ]
        state.chat.pending = [PendingMessage(id: MessageID("c-1"), room: general.id, text: "on its way")]
        return state
    }

    @Test func theChatScreenShowsRoomsTimelineNoticeAndInput() {
        var state = Self.chatting()
        state.input.insert("/login alice hunter22")
        let grid = ChatScreenView(state: state, timeZone: Self.utc).render()
        expectSnapshot(grid.text, named: "chat-screen")
        #expect(grid.cursor == CellPosition(x: 2 + 21, y: 11))
    }

    @Test func ctrlRsPromptTakesTheInputRowAndNamesTheRoom() {
        var state = Self.chatting()
        state.input.insert("half a message")
        state.chat.roomSearch = RoomSearch(room: Self.general.id, query: InputLine(text: "typo"))
        let grid = ChatScreenView(state: state, timeZone: Self.utc).render()
        #expect(
            grid.lines.suffix(2) == [
                "Enter search this room · Esc back to your message".padding(toLength: 80, withPad: " ", startingAt: 0),
                "search #general: typo".padding(toLength: 80, withPad: " ", startingAt: 0),
            ])
        #expect(grid.cursor == CellPosition(x: 21, y: 11))
    }

    @Test func anotherUsersEscapeSequencesAreShownNeverPassedOn() {
        let grid = ChatScreenView(state: Self.chatting(), timeZone: Self.utc).render()
        #expect(grid.text.contains("mallory: ␛[2J␛]0;pwned␇clear?"))
        let controls = grid.cells.flatMap(\.text.unicodeScalars).filter {
            $0.value < 0x20 || (0x7F...0x9F).contains($0.value)
        }
        #expect(controls.isEmpty)
    }

    @Test func longMessagesWrapUnderTheirFirstLine() {
        var state = Self.chatting(width: 50)
        state.chat.timelines[Self.general.id] = [
            Self.message("m1", from: "bob", "the quick brown fox jumps over the lazy dog", at: 1, sequence: 1)
        ]
        state.chat.pending = []
        let lines = ChatScreenView(state: state, timeZone: Self.utc).render().lines
        // 29 columns of timeline: lines break between words and go on under the first line's text.
        #expect(
            Array(lines[7...9])
                == [
                    "                   │ 09:01 bob: the quick brown",
                    "                   │            fox jumps over the",
                    "                   │            lazy dog",
                ].map { $0.padding(toLength: 50, withPad: " ", startingAt: 0) })
    }

    @Test func beforeSigningInTheScreenSaysHowToBegin() {
        let state = AppState(width: 80, height: 12, services: [ServiceStatus(name: "account", state: .running)])
        let grid = ChatScreenView(state: state, timeZone: Self.utc).render()
        #expect(grid.text.contains("/register NAME PASSWORD [DISPLAY NAME]"))
    }

    @Test func f12ShowsTheDebugPanelOverTheChat() {
        var state = Self.chatting()
        state.isDebugPanelOpen = true
        state.traces[.account] = [
            TraceEntry(
                time: .now, caller: "app", service: "account", kind: "login", outcome: .error,
                latency: .milliseconds(42))
        ]
        let grid = ChatScreenView(state: state, timeZone: Self.utc).render()
        expectSnapshot(grid.text, named: "chat-screen-debug-panel")
        #expect(grid.cursor == nil)
    }
}
