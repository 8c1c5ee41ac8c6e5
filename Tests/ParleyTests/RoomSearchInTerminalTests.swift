import Foundation
import ParleyTestKit
import Testing

/// Ctrl-R in the real app: the room's history is searched, and the message being written waits meanwhile.
@Suite(.timeLimit(.minutes(3)))
struct RoomSearchInTerminalTests {
    @Test func ctrlRFindsAnEarlierMessageInTheRoom() async throws {
        let directory = TemporaryDirectory("ctrl-r")
        defer { directory.remove() }
        let session = try TmuxSession.parley(in: directory)
        defer { session.kill() }
        await session.signUp("carol", password: "password-3")

        session.enter("the needle is under the blue cup")
        #expect(await session.waitFor("carol: the needle is under"), "screen was:\n\(session.screen())")
        session.send("not finished", literal: true)
        session.send("C-r")
        #expect(await session.waitFor("search #general:"), "screen was:\n\(session.screen())")
        session.send("needle", literal: true)
        session.send("Enter")
        #expect(
            await session.waitFor("1 found in #general for “needle”"), "screen was:\n\(session.screen())")
        #expect(session.screen().contains("> not finished"))
    }
}
