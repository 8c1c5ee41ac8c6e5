import Foundation
import ParleyTestKit
import ScenarioRunner
import Testing

/// Messaging down as the app starts (issue 9, defect 9), through real services: the user lands in the room
/// they were in last time, reads it and writes to the outbox, which goes once messaging is back.
@Suite(.timeLimit(.minutes(3)))
struct CachedViewWithServicesTests {
    @Test func withMessagingDownAtSignInTheLastRoomIsThereToReadAndWriteIn() async throws {
        let directory = TemporaryDirectory("cached-view")
        defer { directory.remove() }
        try await OutboxWithServicesTests.run(
            [
                .user("alice"), .send("/register alice password-of-alice"), .expectScreenContains("1 #general"),
                .send("/join #random"), .expectScreenContains("#random · alice"),
                .send("said before the restart"), .expectOutbox(0),
                .send("/quit"),
                .user("alice"), .send("/service stop messaging"), .expectService(name: "messaging", state: .stopped),
                .send("/login alice password-of-alice"),
                .expectScreenContains("your rooms as they were"), .expectScreenContains("#random · alice"),
                .expectScreenContains("alice: said before the restart"),
                .send("written while it was off"), .expectScreenContains("alice: written while it was off (pending)"),
                .send("/service start messaging"),
                .expectScreenContains("alice: written while it was off"), .expectScreenLacks("(pending)"),
                .expectOutbox(0),
            ], in: directory)
        let stored = try OutboxWithServicesTests.stored(in: directory, room: "#random")
        #expect(stored == ["said before the restart", "written while it was off"])
    }
}
