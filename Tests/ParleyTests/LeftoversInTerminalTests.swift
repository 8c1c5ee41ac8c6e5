import Foundation
import ParleyTestKit
import Testing

/// Two real `parley` processes of one user on one data directory: what one queued and could not send before
/// it was killed, the other, still running, sends (issue 9, defect 1): each message once, in order.
@Suite(.timeLimit(.minutes(3)))
struct LeftoversInTerminalTests {
    @Test func aRunningInstanceSendsWhatAKilledInstanceOfTheUserLeft() async throws {
        let directory = TemporaryDirectory("leftovers")
        defer { directory.remove() }
        let files = ParleyDataFiles(directory: directory)
        let first = try TmuxSession.parley(in: directory)
        defer { first.kill() }
        let second = try TmuxSession.parley(in: directory)
        defer { second.kill() }
        let texts = (1...5).map { "left \($0)" }

        // Given alice in two terminals, messaging off in both, and five messages queued in the first
        await first.signUp("alice", password: "password-of-alice")
        #expect(await second.waitFor("Welcome to Parley"), "screen was:\n\(second.screen())")
        second.enter("/login alice password-of-alice")
        #expect(await second.waitFor("1 #general", timeout: .seconds(120)), "screen was:\n\(second.screen())")
        for session in [second, first] {
            session.enter("/service stop messaging")
            #expect(await session.waitFor("now stopped", timeout: .seconds(60)), "screen was:\n\(session.screen())")
        }
        for text in texts { first.enter(text) }
        #expect(await first.waitFor("alice: left 5 (pending)"), "screen was:\n\(first.screen())")
        #expect(try files.outboxTexts(of: "alice") == texts)

        // When the first is killed, and messaging comes back in the second
        #expect(first.killProgram())
        #expect(await eventually { first.hasExited })
        second.enter("/service start messaging")

        // Then the second delivers the five, once each, in the order they were written, and the outbox is empty
        let delivered = await eventually(timeout: .seconds(120)) {
            let screen = second.screen()
            return screen.contains("alice: left 5") && !screen.contains("(pending)")
        }
        #expect(delivered, "screen was:\n\(second.screen())")
        #expect(try files.stored() == texts)
        #expect(await eventually { (try? files.outboxCount(of: "alice")) == 0 })
        second.enter("/quit")
        #expect(await eventually { second.hasExited })
    }
}
