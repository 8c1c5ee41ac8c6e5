import ScenarioRunner

/// Helpers shared by the parser's suites: each parses a script named `test.scenario`.
enum ScenarioParsing {
    static let file = "test.scenario"

    /// The directives of `text`, for tests that care about neither line numbers nor sources.
    static func directives(_ text: String) throws -> [ScenarioScript.Directive] {
        try ScenarioScript.parse(text, file: file).steps.map(\.directive)
    }

    /// The one directive of a one-line script.
    static func directive(_ line: String) throws -> ScenarioScript.Directive? {
        let directives = try directives(line)
        return directives.count == 1 ? directives[0] : nil
    }

    /// The error `text` is refused with, or nil if it parses.
    static func syntaxError(_ text: String) -> ScenarioSyntaxError? {
        do {
            _ = try ScenarioScript.parse(text, file: file)
            return nil
        } catch {
            return error
        }
    }
}
