import Foundation
import ParleyTestKit
import Testing

/// With a service off, the app stays usable: nothing typed is lost, and what needs the service says so.
@Suite(.timeLimit(.minutes(3)))
struct DegradedModeTests {
    @Test func aMessageSentWhileMessagingIsOffWaitsPendingAndGoesWhenItIsBack() async throws {
        let directory = TemporaryDirectory("degraded")
        defer { directory.remove() }
        let session = try TmuxSession.parley(in: directory)
        defer { session.kill() }
        await session.signUp("alice", password: "password-1")

        session.enter("/service stop messaging")
        #expect(await session.waitFor("messaging stopped · F12"), "screen was:\n\(session.screen())")
        session.enter("while you were out")
        #expect(await session.waitFor("alice: while you were out (pending)"), "screen was:\n\(session.screen())")
        #expect(session.screen().contains("your message waits in the outbox"))

        // The debug panel starts it again; the message goes by itself.
        session.send("F12")
        session.send("Down")
        session.send("Space")
        #expect(await session.waitFor("messaging  running"), "screen was:\n\(session.screen())")
        session.send("F12")
        #expect(
            await eventually {
                let screen = session.screen()
                return screen.contains("alice: while you were out") && !screen.contains("(pending)")
            }, "screen was:\n\(session.screen())")
    }

    @Test func withAccountOffChattingGoesOnAndProfileChangesSayWhy() async throws {
        let directory = TemporaryDirectory("noaccount")
        defer { directory.remove() }
        let session = try TmuxSession.parley(in: directory)
        defer { session.kill() }
        await session.signUp("bob", password: "password-2")

        session.enter("/service stop account")
        #expect(await session.waitFor("account stopped · F12"), "screen was:\n\(session.screen())")
        session.enter("still here")
        #expect(await session.waitFor("bob: still here"), "screen was:\n\(session.screen())")
        session.enter("/nick Bobby")
        #expect(
            await session.waitFor("account unavailable: profile changes resume when it is back"),
            "screen was:\n\(session.screen())")
    }
}
