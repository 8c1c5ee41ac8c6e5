/// An expectation that did not hold, or a step that could not be taken: where, what, and the screen seen.
public struct ScenarioFailure: Error, Sendable, Equatable, CustomStringConvertible {
    public let file: String
    public let line: Int
    /// The directive as written.
    public let step: String
    /// What went wrong, in one sentence.
    public let reason: String
    /// The session whose screen is shown, and that screen, when there was one.
    public let session: String?
    public let screen: String?

    public var description: String {
        var text = "\(file):\(line): \(step)\n\(reason)"
        if let session, let screen {
            let frameWidth = screen.split(separator: "\n").map(\.count).max() ?? 0
            let rule = String(repeating: "─", count: max(20, frameWidth))
            text += "\n\(session)'s screen:\n\(rule)\n\(screen)\n\(rule)"
        }
        return text
    }
}
