import Foundation
import ParleyTestKit
import Testing

extension TmuxSession {
    /// The built `parley` in a terminal, on `directory`'s data directory, with a settings file that does not
    /// exist (so every setting has its default).
    static func parley(in directory: TemporaryDirectory) throws -> TmuxSession {
        let parley = builtProduct("parley").path
        let config = directory.file("none.toml").path
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
        #expect(
            await waitFor("1 #general", timeout: .seconds(30)), "screen was:\n\(screen())",
            sourceLocation: sourceLocation)
    }
}
