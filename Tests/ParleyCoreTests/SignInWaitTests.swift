import ParleyContracts
import ParleyCore
import Testing

/// Commands typed while a sign-in is being answered wait for it, and refused commands leave the input line.
struct SignInWaitTests {
    static let register = AccountRequest.register(name: "ann", password: "pw1", displayName: nil)
    static let session = Session(token: "tok", user: "ann", displayName: "ann", expiresAt: .distantFuture)

    @Test func aCommandTypedWhileSigningInRunsOnceTheSessionComes() {
        var state = AppState(width: 100, height: 30, services: [], clientID: "c")
        #expect(ChatFlowTests.type("/register ann pw1", into: &state) == [.account(Self.register)])
        #expect(ChatFlowTests.type("/join #general", into: &state) == [])
        #expect(state.notice == "/join waits for the sign-in")
        #expect(state.input.isEmpty)
        let effects = update(&state, .accountReplied(Self.register, .success(.session(Self.session))))
        #expect(
            effects == [
                .messaging(.hello(token: "tok")), .account(.heartbeat(token: "tok", presence: .online)),
                .loadOutbox(user: "ann"), .messaging(.joinRoom(token: "tok", name: "#general")),
            ])
        // Once run, a command waits no more: the next sign-in starts with none waiting.
        #expect(update(&state, .accountReplied(Self.register, .success(.session(Self.session)))).count == 3)
    }

    @Test func aFailedSignInRefusesWhatWaitedWithItsOwnError() {
        var state = AppState(width: 100, height: 30, services: [], clientID: "c")
        _ = ChatFlowTests.type("/login ann wrong", into: &state)
        _ = ChatFlowTests.type("/join #general", into: &state)
        _ = ChatFlowTests.type("/nick Ann", into: &state)
        let login = AccountRequest.login(name: "ann", password: "wrong")
        let effects = update(&state, .accountReplied(login, .failure(.refused(.wrongCredentials))))
        #expect(effects == [])
        #expect(state.notice == "\(AccountError.wrongCredentials); not run: /join, /nick")
        // Nothing waits any more: the next command is refused at once.
        _ = ChatFlowTests.type("/join #general", into: &state)
        #expect(state.notice?.hasPrefix("sign in first") == true)
    }

    @Test func withNoSignInUnderWayACommandNeedingOneIsRefused() {
        var state = AppState(width: 100, height: 30, services: [], clientID: "c")
        #expect(ChatFlowTests.type("/join #general", into: &state) == [])
        #expect(state.notice?.hasPrefix("sign in first") == true)
    }

    @Test(arguments: ["/join #general", "/login alice", "/frobnicate"])
    func aRefusedCommandLeavesTheInputLineAndIsOneUpAway(_ line: String) {
        var state = AppState(width: 100, height: 30, services: [], clientID: "c")
        _ = ChatFlowTests.type(line, into: &state)
        #expect(state.input.isEmpty)
        #expect(state.notice != nil)
        for character in "/he" { _ = update(&state, .input(.key(.character(character)))) }
        #expect(state.input.text == "/he")
        _ = update(&state, .input(.key(.up)))
        #expect(state.input.text == line)
    }

    @Test func everyCommandThatNeedsASessionIsRefusedWithoutOne() throws {
        for spec in CommandTable.all where spec.needsSession {
            var state = AppState(width: 100, height: 30, services: [], clientID: "c")
            let line = CommandTests.example(of: spec)
            #expect(try Command.parse(line).get().needsSession, "\(line)")
            #expect(ChatFlowTests.type(line, into: &state) == [], "\(line)")
            #expect(state.notice?.hasPrefix("sign in first") == true, "\(line)")
        }
    }
}
