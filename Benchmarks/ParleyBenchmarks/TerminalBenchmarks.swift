import Foundation

// Parley as a person runs it: the release binary on a pseudo-terminal, timed from outside by what it draws,
// its CPU time and memory read from /proc. `make bench BENCH=terminal` builds the binary beside this one.
let terminalBenchmarks: [Benchmark] = [
    Benchmark(name: "terminal.first_frame") { try terminalFirstFrame() },
    Benchmark(name: "terminal.keys") { try terminalKeys() },
    Benchmark(name: "terminal.paste") { try terminalPaste() },
    Benchmark(name: "terminal.idle") { try terminalIdle() },
]

private let width = 120
private let height = 40

/// A data directory of its own for each run, removed after it.
private struct ScratchDirectory {
    let root: URL

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("parley-terminal-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    }

    func remove() { try? FileManager.default.removeItem(at: root) }
}

/// The release `parley` next to this executable (or the one `PARLEY_BENCH_BINARY` names, to measure another
/// build by the same method), on a fresh data directory.
private func startParley(_ directory: ScratchDirectory) throws -> PseudoTerminal {
    let sibling = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        .appendingPathComponent("parley").path
    let binary = ProcessInfo.processInfo.environment["PARLEY_BENCH_BINARY"] ?? sibling
    guard FileManager.default.isExecutableFile(atPath: binary) else {
        throw PseudoTerminal.Failure(
            description: "\(binary) is missing: build it with `swift build -c release --product parley`")
    }
    return try PseudoTerminal(
        binary, arguments: ["--data", directory.root.path],
        environment: [
            "TERM": "xterm-256color", "XDG_CONFIG_HOME": directory.root.appendingPathComponent("config").path,
            "LANG": "C.UTF-8",
        ],
        width: width, height: height)
}

/// Signs up a user, which lands in #general.
private func signIn(_ terminal: PseudoTerminal) throws {
    let start = terminal.received.count
    terminal.send("/register bench benchpass123\r")
    guard terminal.pump(from: start, untilDrawn: "#general") != nil else {
        throw PseudoTerminal.Failure(description: "parley did not sign in within 30 s")
    }
}

private func milliseconds(_ duration: Duration) -> Double { nanoseconds(duration) / 1e6 }

private func median(_ values: [Double]) -> Double { percentile(values.sorted(), 0.5) }

// MARK: - Start

private func terminalFirstFrame() throws {
    var frames: [Double] = []
    var rss: [Double] = []
    for _ in 0..<5 {
        let directory = try ScratchDirectory()
        defer { directory.remove() }
        let terminal = try startParley(directory)
        guard let frame = terminal.pump(untilDrawn: "Welcome") else {
            terminal.stop()
            throw PseudoTerminal.Failure(description: "parley drew no welcome screen within 30 s")
        }
        frames.append(milliseconds(frame))
        terminal.idle(for: .seconds(2))
        rss.append(terminal.residentMegabytes)
        terminal.stop()
    }
    figure("terminal.first_frame", median(frames), "ms")
    figure("terminal.first_frame.min", frames.min() ?? 0, "ms")
    figure("terminal.rss.idle", median(rss), "MB")
}

// MARK: - Keys and pastes

/// A key to the frame that shows it, one key at a time, signed in to a room.
private func terminalKeys() throws {
    let directory = try ScratchDirectory()
    defer { directory.remove() }
    let terminal = try startParley(directory)
    defer { terminal.stop() }
    try signIn(terminal)
    terminal.idle(for: .milliseconds(500))
    var latencies: [Double] = []
    let cpuBefore = terminal.cpuTime
    let letters = Array("abcdefghijklmnopqrstuvwxyz")
    let keys = 100
    for index in 0..<keys {
        let start = terminal.received.count
        let letter = letters[index % letters.count]
        terminal.send(String(letter))
        guard let latency = terminal.pump(from: start, timeout: .seconds(5), untilDrawn: String(letter)) else {
            throw PseudoTerminal.Failure(description: "the key \(letter) was not drawn within 5 s")
        }
        latencies.append(milliseconds(latency))
        terminal.idle(for: .milliseconds(20))
    }
    let cpu = milliseconds(terminal.cpuTime - cpuBefore) / Double(keys)
    figure("terminal.key_to_frame.p50", median(latencies), "ms")
    figure("terminal.key_to_frame.max", latencies.max() ?? 0, "ms")
    figure("terminal.key.cpu", cpu, "ms")
}

/// 1 MiB pasted (bracketed, as a terminal pastes) until its end shows in the input line.
private func terminalPaste() throws {
    let directory = try ScratchDirectory()
    defer { directory.remove() }
    let terminal = try startParley(directory)
    defer { terminal.stop() }
    try signIn(terminal)
    terminal.idle(for: .milliseconds(500))
    let rssBefore = terminal.residentMegabytes
    let cpuBefore = terminal.cpuTime
    let line = "a line of pasted text, long enough to wrap on most screens: 0123456789\n"
    let text = String(repeating: line, count: (1 << 20) / line.utf8.count) + "END-OF-PASTE"
    let start = terminal.received.count
    terminal.send("\u{1B}[200~" + text + "\u{1B}[201~")
    guard let elapsed = terminal.pump(from: start, timeout: .seconds(120), untilDrawn: "END-OF-PASTE") else {
        throw PseudoTerminal.Failure(description: "the paste did not show within 120 s")
    }
    figure("terminal.paste_1mb", milliseconds(elapsed), "ms")
    figure("terminal.paste_1mb.cpu", milliseconds(terminal.cpuTime - cpuBefore), "ms")
    figure("terminal.paste_1mb.rss_growth", terminal.residentMegabytes - rssBefore, "MB")
}

// MARK: - Idle

/// Nothing happening, signed in to a room: CPU time and wake-ups over 20 s.
private func terminalIdle() throws {
    let directory = try ScratchDirectory()
    defer { directory.remove() }
    let terminal = try startParley(directory)
    defer { terminal.stop() }
    try signIn(terminal)
    terminal.idle(for: .seconds(3))
    let (cpuBefore, wakeUpsBefore) = (terminal.cpuTime, terminal.wakeUps)
    let seconds = 20.0
    terminal.idle(for: .seconds(seconds))
    figure("terminal.idle_cpu_per_minute", milliseconds(terminal.cpuTime - cpuBefore) * 60 / seconds, "ms")
    figure("terminal.idle_wakeups", Double(terminal.wakeUps - wakeUpsBefore) / seconds, "per s")
    figure("terminal.rss.signed_in", terminal.residentMegabytes, "MB")
}
