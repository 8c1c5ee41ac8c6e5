import Foundation
import ParleyTestKit
import Testing

/// A paste through a real terminal arrives bracketed, as one input: its lines stay in the input line.
@Suite(.timeLimit(.minutes(2)))
struct PasteInTerminalTests {
    @Test func aPastedLineEndSendsNothingAndTheLinesStayOneMessage() async throws {
        let directory = TemporaryDirectory("paste")
        defer { directory.remove() }
        let session = try TmuxSession.parley(in: directory)
        defer { session.kill() }
        #expect(await session.waitFor("Welcome to Parley"), "screen was:\n\(session.screen())")

        session.paste("first line\nsecond line\nthird")
        #expect(await session.waitFor("> first line↵second line↵third"), "screen was:\n\(session.screen())")
        #expect(session.screen().contains("pasted 3 lines: Enter sends them as one message"))
        // Typed keys still go on after the paste.
        session.send("!", literal: true)
        #expect(await session.waitFor("↵third!"), "screen was:\n\(session.screen())")
        session.send("C-q")
        #expect(await eventually { session.hasExited }, "screen was:\n\(session.screen())")
    }
}
