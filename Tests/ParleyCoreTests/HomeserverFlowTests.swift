import Foundation
import ParleyContracts
import ParleyCore
import ServiceRuntime
import Testing

/// How the core treats what only a homeserver backend says: the session kept from last time, a token the
/// server refused, and the server being unreachable.
struct HomeserverFlowTests {
    @Test func theAppAsksOnceAtStartForTheSessionKeptFromLastTime() {
        var state = AppState(width: 80, height: 24, services: [])
        #expect(startUp(&state) == [.account(.resume)])
        // With nothing kept (always so on the local backend) the refusal says nothing
        _ = update(&state, .accountReplied(.resume, .failure(.refused(.noStoredSession))))
        #expect(state.notice == nil)
        #expect(state.chat.session == nil)
        // A kept session signs in by itself
        let session = Session(token: "tok", user: "ann", displayName: "Ann", expiresAt: .distantFuture)
        let effects = update(&state, .accountReplied(.resume, .success(.session(session))))
        #expect(state.chat.session == session)
        #expect(effects.contains(.messaging(.hello(token: "tok"))))
    }

    @Test func aRefusedTokenBringsTheSignInBack() {
        var state = OutboxFlowTests.signedIn(messaging: .running)
        guard case let .messaging(request)? = ChatFlowTests.type("hello", into: &state).first else {
            Issue.record("no send")
            return
        }
        _ = update(&state, .messagingReplied(request, .failure(.refused(.sessionRefused(server: "example.org")))))
        #expect(state.chat.session == nil)
        #expect(
            state.notice
                == "the homeserver example.org no longer accepts your session; sign in again with /login NAME PASSWORD")
    }

    @Test func aSendTheServerCouldNotTakeWaitsInTheOutboxAndGoesAgainOnTheClock() {
        var state = OutboxFlowTests.signedIn(messaging: .running)
        guard case let .messaging(request)? = ChatFlowTests.type("hello", into: &state).first else {
            Issue.record("no send")
            return
        }
        _ = update(&state, .messagingReplied(request, .failure(.refused(.serverUnreachable("example.org: refused")))))
        #expect(state.chat.pending.map(\.isQueued) == [true])
        #expect(state.notice == "server unreachable: your message waits in the outbox and goes when it answers")
        #expect(update(&state, .tick(Date())).contains(.messaging(request)))
    }
}
