import ParleyContracts
import ParleyCore
import ParleyTestKit
import ParleyViews
import ServiceRuntime
import Testing

/// `/help` as the user sees it: the whole screen, before signing in as well as after.
struct HelpScreenTests {
    static func screen(after line: String, in state: AppState) -> String {
        var state = state
        for character in line { _ = update(&state, .input(.key(.character(character)))) }
        _ = update(&state, .input(.key(.enter)))
        return ChatScreenView(state: state, timeZone: ChatScreenViewTests.utc).render().text
    }

    @Test func helpListsEveryCommandWithWhatItDoes() {
        let signedOut = AppState(width: 100, height: 30, services: [ServiceStatus(name: "account", state: .running)])
        expectSnapshot(Self.screen(after: "/help", in: signedOut), named: "help-screen")
    }

    @Test func helpWithACommandExplainsIt() {
        expectSnapshot(
            Self.screen(after: "/help msg", in: ChatScreenViewTests.chatting()), named: "help-command-screen")
    }

    @Test func helpOnAShortScreenSaysMoreFollowsAndPgDnShowsTheRest() {
        var state = AppState(width: 100, height: 12, services: [ServiceStatus(name: "account", state: .running)])
        let first = Self.screen(after: "/help", in: state)
        #expect(first.contains("more lines (PgDn)"))
        #expect(!first.contains("/quit"))
        for character in "/help" { _ = update(&state, .input(.key(.character(character)))) }
        _ = update(&state, .input(.key(.enter)))
        for _ in 0..<5 { _ = update(&state, .input(.key(.pageDown))) }
        let last = ChatScreenView(state: state, timeZone: ChatScreenViewTests.utc).render().text
        #expect(last.contains("/quit      leave Parley"))
        #expect(!last.contains("more lines (PgDn)"))
    }
}
