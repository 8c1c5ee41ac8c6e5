import Foundation
import ParleyTestKit
import Testing

/// Two real `parley` processes on one data directory are two people chatting on one machine.
@Suite(.timeLimit(.minutes(3)))
struct TwoProcessChatTests {
    @Test func twoProcessesOnOneDataDirectorySeeEachOthersMessagesLive() async throws {
        let directory = TemporaryDirectory("two")
        defer { directory.remove() }
        let alice = try TmuxSession.parley(in: directory)
        defer { alice.kill() }
        let bob = try TmuxSession.parley(in: directory)
        defer { bob.kill() }

        for (session, name) in [(alice, "alice"), (bob, "bob")] {
            await session.signUp(name, password: "password-of-\(name)")
        }

        alice.enter("hello from alice")
        #expect(await bob.waitFor("alice: hello from alice"), "bob's screen was:\n\(bob.screen())")
        bob.enter("hi alice, bob here")
        #expect(await alice.waitFor("bob: hi alice, bob here"), "alice's screen was:\n\(alice.screen())")

        // A direct conversation: bob sees it appear in his room list, with the message in it.
        alice.enter("/msg bob just between us")
        #expect(await bob.waitFor("alice (1)"), "bob's screen was:\n\(bob.screen())")
        bob.send("M-2")
        #expect(await bob.waitFor("alice: just between us"), "bob's screen was:\n\(bob.screen())")

        for session in [alice, bob] {
            session.enter("/quit")
            #expect(await eventually { session.hasExited })
        }
    }
}
