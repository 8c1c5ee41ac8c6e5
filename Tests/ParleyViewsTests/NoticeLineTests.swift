import ParleyContracts
import ParleyCore
import ParleyViews
import Testing

/// The line above the input: what it shows follows the state, never the wording of a notice.
struct NoticeLineTests {
    static func noticeLine(_ state: AppState) -> String {
        ChatScreenView(state: state, timeZone: ChatScreenViewTests.utc).render().lines[state.height - 2]
    }

    static func playing() -> AppState {
        var state = ChatScreenViewTests.chatting()
        state.chat.playing = PlaybackPosition(
            playback: Playback(path: "/a.wav", player: "paplay", duration: .seconds(3)), elapsed: .seconds(1))
        state.notice = nil
        return state
    }

    @Test func aSoundPlayingTakesTheLine() {
        #expect(Self.noticeLine(Self.playing()).hasPrefix("▶ playing"))
    }

    @Test func aNoticeAfterThePlaybackStartedShowsWhateverItsWords() {
        var state = Self.playing()
        state.notice = "playing fair: you left #random"
        #expect(Self.noticeLine(state).hasPrefix("playing fair: you left #random"))
    }
}
