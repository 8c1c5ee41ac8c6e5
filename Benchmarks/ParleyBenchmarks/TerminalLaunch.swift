import Foundation

// What every terminal benchmark needs: a scratch directory, Parley started on a pseudo-terminal of the
// screen's size, and a sign-in.

let terminalWidth = 120
let terminalHeight = 40

/// A directory of its own for each run (a data directory, or a reference client's home), removed after it.
struct ScratchDirectory: Sendable {
    let root: URL

    init(_ label: String = "terminal") throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("parley-\(label)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    }

    var path: String { root.path }

    func remove() { try? FileManager.default.removeItem(at: root) }
}

/// The release `parley` next to this executable (or the one `PARLEY_BENCH_BINARY` names, to measure another
/// build by the same method), on the data directory `directory`.
func startParley(_ directory: ScratchDirectory) throws -> PseudoTerminal {
    let sibling = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        .appendingPathComponent("parley").path
    let binary = ProcessInfo.processInfo.environment["PARLEY_BENCH_BINARY"] ?? sibling
    guard FileManager.default.isExecutableFile(atPath: binary) else {
        throw PseudoTerminal.Failure(
            description: "\(binary) is missing: build it with `swift build -c release --product parley`")
    }
    return try PseudoTerminal(
        binary, arguments: ["--data", directory.path],
        environment: [
            "TERM": "xterm-256color", "XDG_CONFIG_HOME": directory.root.appendingPathComponent("config").path,
            "LANG": "C.UTF-8",
        ],
        width: terminalWidth, height: terminalHeight)
}

/// Signs up a user, which lands in #general.
func signUp(_ terminal: PseudoTerminal) throws {
    let start = terminal.received.count
    terminal.send("/register bench benchpass123\r")
    guard terminal.pump(from: start, untilDrawn: "#general") != nil else {
        throw PseudoTerminal.Failure(description: "parley did not sign in within 30 s")
    }
}

/// Waits for the welcome screen, the first frame Parley draws.
@discardableResult
func waitForWelcome(_ terminal: PseudoTerminal) throws -> Duration {
    guard let frame = terminal.pump(untilDrawn: "Welcome") else {
        throw PseudoTerminal.Failure(description: "parley drew no welcome screen within 30 s")
    }
    return frame
}

func milliseconds(_ duration: Duration) -> Double { nanoseconds(duration) / 1e6 }

func median(of values: [Double]) -> Double { percentile(values.sorted(), 0.5) }
