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
}
