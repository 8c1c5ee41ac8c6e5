import ParleyContracts
import ServiceRuntime

/// A scenario: what to do and what to expect, one directive a line (see DESIGN.md, "Scenario scripts").
public struct ScenarioScript: Sendable, Equatable {
    /// The file it came from, as it is named in messages (`-` for standard input).
    public let file: String
    public let steps: [Step]

    public init(file: String, steps: [Step]) {
        self.file = file
        self.steps = steps
    }

    /// One directive and where it was written.
    public struct Step: Sendable, Equatable {
        public let line: Int
        public let directive: Directive
        /// The line as written, trimmed, for messages.
        public let source: String

        public init(line: Int, directive: Directive, source: String) {
            self.line = line
            self.directive = directive
            self.source = source
        }
    }

    public enum Directive: Sendable, Equatable {
        /// `size WxH`: the size of the virtual screens of sessions started from now on.
        case size(width: Int, height: Int)
        /// `user NAME`: switch to the session NAME, starting it if it is new or has quit.
        case user(String)
        /// `type TEXT`: each character as a key press.
        case type(String)
        /// `press KEY`.
        case press(Key)
        /// `send TEXT`: `type TEXT` then `press Enter`.
        case send(String)
        /// `expect screen contains TEXT`.
        case expectScreenContains(String)
        /// `expect screen lacks TEXT`.
        case expectScreenLacks(String)
        /// `expect service NAME STATE`.
        case expectService(name: String, state: ServiceState)
        /// `expect outbox N`: this session has N messages not yet delivered.
        case expectOutbox(Int)
        /// `expect bells N`: this session's terminal bell has rung N times (alerts, as `config.toml` allows).
        case expectBells(Int)
        /// `timeout DURATION`: how long expectations wait from now on.
        case timeout(Duration)
        /// `wait DURATION`.
        case wait(Duration)
        /// `snapshot NAME`: this session's screen to NAME.txt in the output directory.
        case snapshot(String)
        /// `server URL`: sessions started from now on chat through this Matrix homeserver, each on a data
        /// directory of its own (as on its own machine).
        case server(String)
    }
}

/// A script that cannot be run as written: the line and what is wrong with it, in one sentence.
public struct ScenarioSyntaxError: Error, Sendable, Equatable, CustomStringConvertible {
    public let file: String
    public let line: Int
    public let reason: String

    public init(file: String, line: Int, reason: String) {
        self.file = file
        self.line = line
        self.reason = reason
    }

    public var description: String { "\(file):\(line): \(reason)" }
}
