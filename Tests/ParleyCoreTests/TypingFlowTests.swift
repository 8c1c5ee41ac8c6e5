import Foundation
import ParleyContracts
import ParleyCore
import ServiceRuntime
import Testing

/// Typing notices in the core: said once when a message is begun, taken back when it is sent, emptied, left
/// or idle for a tick; others' shown until they stop or their notice runs out; none sent when turned off.
struct TypingFlowTests {
    static let general = ChatFlowTests.general.id

    static func typing(_ isTyping: Bool, in room: RoomID = general) -> AppEffect {
        .messaging(.typing(token: "tok", room: room, isTyping: isTyping))
    }

    /// Signed in as alice in #general, with typing notices on (as the settings have them by default).
    static func signedIn() -> AppState {
        var state = ChatFlowTests.signedIn()
        state.sendsTypingNotices = true
        return state
    }

    static func key(_ character: Character, _ state: inout AppState) -> [AppEffect] {
        update(&state, .input(.key(.character(character))))
    }

    @Test func aMessageBegunIsAnnouncedOnceAndSendingItTakesTheNoticeBack() {
        var state = Self.signedIn()
        #expect(Self.key("h", &state) == [Self.typing(true)])
        #expect(Self.key("i", &state) == [])
        let sent = update(&state, .input(.key(.enter)))
        #expect(sent.last == Self.typing(false))
        #expect(sent.contains { if case .messaging(.send) = $0 { true } else { false } })
    }

    @Test func commandsAreNotTypingAndEmptyingTheLineTakesTheNoticeBack() {
        var state = Self.signedIn()
        for character in "/who" { #expect(Self.key(character, &state) == []) }
        state.input.replace(with: "")
        #expect(Self.key("o", &state) == [Self.typing(true)])
        #expect(update(&state, .input(.key(.backspace))) == [Self.typing(false)])
    }

    @Test func aTickWithNothingTypedTakesTheNoticeBackAndLongTypingSaysItAgain() {
        var state = Self.signedIn()
        let start = Date(timeIntervalSince1970: 1_000)
        _ = update(&state, .tick(start))
        _ = Self.key("a", &state)
        var again: [AppEffect] = []
        for tick in 1...4 {
            _ = Self.key("b", &state)
            again += update(&state, .tick(start + Double(tick) * 5)).filter { $0 == Self.typing(true) }
        }
        #expect(again == [Self.typing(true)])  // said again once in four busy ticks
        #expect(update(&state, .tick(start + 25)).contains(Self.typing(false)))
        #expect(Self.key("c", &state) == [Self.typing(true)])
    }

    @Test func movingToAnotherRoomTakesTheNoticeWithIt() {
        var state = Self.signedIn()
        _ = Self.key("a", &state)
        let effects = update(&state, .input(.key(.alt("2"))))
        #expect(effects.suffix(2) == [Self.typing(false), Self.typing(true, in: ChatFlowTests.random.id)])
    }

    @Test func othersTypingAreShownUntilTheyStopOrTheirNoticeRunsOut() {
        var state = Self.signedIn()
        _ = update(&state, .messagingEvent(.typing(room: Self.general, users: ["bob", "alice", "carol"])))
        #expect(state.chat.typists(in: Self.general) == ["bob", "carol"])
        _ = update(&state, .messagingEvent(.typing(room: Self.general, users: ["carol"])))
        #expect(state.chat.typists(in: Self.general) == ["carol"])
        for tick in 0..<TypingState.ticksShown {
            _ = update(&state, .tick(Date(timeIntervalSince1970: Double(tick) * 5)))
        }
        #expect(state.chat.typists(in: Self.general) == [])
    }

    @Test func withMessagingOffNothingIsSent() {
        var state = Self.signedIn()
        state.services = [ServiceStatus(name: "messaging", state: .stopped)]
        #expect(Self.key("h", &state) == [])
    }

    @Test func withTheSettingOffNothingIsSent() {
        var state = ChatFlowTests.signedIn()
        #expect(!state.sendsTypingNotices)
        #expect(Self.key("h", &state) == [])
        #expect(!update(&state, .input(.key(.enter))).contains(Self.typing(false)))
    }
}
