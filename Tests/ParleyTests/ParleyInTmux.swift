import Foundation
import ParleyTestKit
import Testing

extension TmuxSession {
    /// The built `parley` in a terminal, on `directory`'s data directory, with the test settings (every
    /// setting at its default but a fast password hash).
    static func parley(in directory: TemporaryDirectory) throws -> TmuxSession {
        let parley = builtProduct("parley").path
        let config = directory.testSettings().path
        return try TmuxSession("\(parley) --data '\(directory.dataDirectory.path)' --config '\(config)'")
    }

    /// Types `line` into the input line and presses Enter.
    func enter(_ line: String) {
        send(line, literal: true)
        send("Enter")
    }

    /// From the welcome screen, registers `name` (checking the password never shows) and waits for #general.
    func signUp(_ name: String, password: String, sourceLocation: SourceLocation = #_sourceLocation) async {
        #expect(await waitFor("Welcome to Parley"), "screen was:\n\(screen())", sourceLocation: sourceLocation)
        send("/register \(name) \(password)", literal: true)
        #expect(!screen().contains(password), "the password showed on screen", sourceLocation: sourceLocation)
        send("Enter")
        // First the sign-in's outcome (answered or refused, within the request deadline), then what follows
        // it: a refusal is reported at once with its screen, instead of as a room that never came.
        #expect(
            await waitFor("signed in as \(name)", orRefusalOf: "creating \(name)…"), "screen was:\n\(screen())",
            sourceLocation: sourceLocation)
        #expect(await waitFor("1 #general"), "screen was:\n\(screen())", sourceLocation: sourceLocation)
    }

    /// Waits until the notice line (above the input line) shows `text`, or something other than the key help
    /// and `pending` (the action under way): a refusal. True only for `text`. The wait lasts as long as the
    /// action does, not a guess at how fast the machine is.
    func waitFor(_ text: String, orRefusalOf pending: String) async -> Bool {
        @Sendable func noticeLine() -> String {
            let lines = screen().split(separator: "\n", omittingEmptySubsequences: false)
            let filled = lines.lastIndex { !$0.trimmingCharacters(in: .whitespaces).isEmpty } ?? 0
            return filled > 0 ? String(lines[filled - 1]) : ""
        }
        _ = await eventually(timeout: .seconds(120)) {
            let notice = noticeLine()
            return notice.contains(text) || !(notice.contains(pending) || notice.contains("Enter send"))
        }
        return noticeLine().contains(text)
    }
}
