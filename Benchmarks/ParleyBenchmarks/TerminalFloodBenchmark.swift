import Foundation
import ParleyStorage
import Synchronization

// A flood of messages into the room a person is watching: what the watching process pays for each, and how
// long the screen takes to catch up with the writer.

/// Parley signed in to #general on a pseudo-terminal while a second process (this executable again, through
/// the messaging service, one request a message) stores the flood in #general; irssi and WeeChat in #general
/// while the benchmark's IRC server says the same texts there, as fast as each takes them.
/// `PARLEY_BENCH_FLOOD` sets a smaller flood, for a build too slow to take 20,000 in a few minutes.
func terminalFlood() async throws {
    let count = Int(ProcessInfo.processInfo.environment["PARLEY_BENCH_FLOOD"] ?? "") ?? 20_000
    let parley = try await parleyFlood(count: count)
    var results: [(client: ReferenceClient, cost: FloodCost)] = []
    for client in ReferenceClient.installed {
        let session = try ReferenceSession(client)
        defer { session.end() }
        session.terminal.idle(for: .milliseconds(500))
        let server = session.server
        let cost = try watch(session.terminal, count: count, program: client.rawValue) { finish in
            Thread {
                server.say((0..<count).lazy.map(RawFloodText.text), in: "#general", as: "flooder")
                finish.mark()
            }.start()
        }
        results.append((client, cost))
    }
    figure("terminal.flood.messages", Double(count), "msgs")
    figure(
        "terminal.flood.cpu_per_message", parley.cpuPerMessage, "ms",
        references: results.map { ($0.client.rawValue, $0.cost.cpuPerMessage) })
    figure(
        "terminal.flood.last_on_screen", parley.lastOnScreen, "s",
        references: results.map { ($0.client.rawValue, $0.cost.lastOnScreen) })
    figure("terminal.flood.writer_finished", parley.writerFinished, "s")
    for result in results {
        figure("terminal.flood.writer_finished.reference.\(result.client.rawValue)", result.cost.writerFinished, "s")
    }
    figure(
        "terminal.flood.rss_before", parley.rssBefore, "MB",
        references: results.map { ($0.client.rawValue, $0.cost.rssBefore) })
    figure(
        "terminal.flood.rss_after", parley.rssAfter, "MB",
        references: results.map { ($0.client.rawValue, $0.cost.rssAfter) })
}

/// What one watching program paid for a flood.
struct FloodCost {
    var cpuPerMessage = 0.0
    var lastOnScreen = 0.0
    var writerFinished = 0.0
    var rssBefore = 0.0
    var rssAfter = 0.0
}

private func parleyFlood(count: Int) async throws -> FloodCost {
    let directory = try ScratchDirectory()
    defer { directory.remove() }
    let terminal = try startParley(directory)
    defer { terminal.stop() }
    try signUp(terminal)
    terminal.idle(for: .milliseconds(500))
    let child = try MessagingChild.launch(mode: "flood", directory: DataDirectory(directory.root), count: count)
    try await child.waitFor("ready")
    return try watch(terminal, count: count, program: "parley") { finish in
        child.send("go")
        Task.detached {
            try await child.waitFor("done")
            finish.mark()
        }
    }
}

/// Starts the writer, then waits until the flood's last message is on screen. CPU and memory are read 2 s
/// after that, so that work the program put off until the flood ended counts too.
private func watch(
    _ terminal: PseudoTerminal, count: Int, program: String, startWriter: (WriterFinish) -> Void
) throws -> FloodCost {
    var cost = FloodCost()
    cost.rssBefore = terminal.residentMegabytes
    let cpuBefore = terminal.cpuTime
    let finish = WriterFinish()
    let started = ContinuousClock.now
    startWriter(finish)
    guard terminal.pump(timeout: .seconds(1_800), untilShown: RawFloodText.text(count - 1)) != nil else {
        throw PseudoTerminal.Failure(
            description: "\(program) did not show the last of \(count) messages within 30 minutes")
    }
    cost.lastOnScreen = nanoseconds(ContinuousClock.now - started) / 1e9
    guard terminal.pump(timeout: .seconds(60), until: { _ in finish.instant != nil }) != nil,
        let finished = finish.instant
    else {
        throw PseudoTerminal.Failure(description: "the writer flooding \(program) did not finish within 60 s")
    }
    cost.writerFinished = nanoseconds(finished - started) / 1e9
    terminal.idle(for: .seconds(2))
    cost.cpuPerMessage = milliseconds(terminal.cpuTime - cpuBefore) / Double(count)
    cost.rssAfter = terminal.residentMegabytes
    return cost
}

/// When the writer finished, marked from whichever thread it ran on.
final class WriterFinish: Sendable {
    private let at = Mutex<ContinuousClock.Instant?>(nil)

    func mark() { at.withLock { $0 = ContinuousClock.now } }

    var instant: ContinuousClock.Instant? { at.withLock { $0 } }
}
