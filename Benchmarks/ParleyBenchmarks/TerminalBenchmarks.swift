import Foundation

// Parley as a person runs it: the release binary on a pseudo-terminal, timed from outside by what it draws,
// its CPU time and memory read from /proc; irssi and WeeChat measured the same way in the same run, where
// installed. `make bench BENCH=terminal` builds the binary beside this one and installs the references.
let terminalBenchmarks: [Benchmark] = [
    Benchmark(name: "terminal.first_frame") { try terminalFirstFrame() },
    Benchmark(name: "terminal.million") { try await terminalMillion() },
    Benchmark(name: "terminal.keys") { try await terminalKeys() },
    Benchmark(name: "terminal.paste") { try terminalPaste() },
    Benchmark(name: "terminal.idle") { try await terminalIdle() },
    Benchmark(name: "terminal.flood") { try await terminalFlood() },
    Benchmark(name: "terminal.jump") { try await terminalJump() },
]

// MARK: - Start

/// Start to first full screen on an empty data directory (or a fresh home), five times; resident memory 2 s
/// after each start.
private func terminalFirstFrame() throws {
    var frames: [Double] = []
    var rss: [Double] = []
    for _ in 0..<5 {
        let directory = try ScratchDirectory()
        defer { directory.remove() }
        let terminal = try startParley(directory)
        defer { terminal.stop() }
        frames.append(milliseconds(try waitForWelcome(terminal)))
        terminal.idle(for: .seconds(2))
        rss.append(terminal.residentMegabytes)
    }
    var referenceFrames: [(name: String, value: Double)] = []
    var referenceRSS: [(name: String, value: Double)] = []
    for client in ReferenceClient.installed {
        var (clientFrames, clientRSS): ([Double], [Double]) = ([], [])
        for _ in 0..<5 {
            let home = try ScratchDirectory(client.rawValue)
            defer { home.remove() }
            let terminal = try client.start(home: home)
            defer { client.stop(terminal) }
            guard let frame = terminal.pump(untilDrawn: client.firstFrameMarker) else {
                throw PseudoTerminal.Failure(description: "\(client.rawValue) drew no first screen within 30 s")
            }
            clientFrames.append(milliseconds(frame))
            terminal.idle(for: .seconds(2))
            clientRSS.append(terminal.residentMegabytes)
        }
        figure("terminal.first_frame.min.reference.\(client.rawValue)", clientFrames.min() ?? 0, "ms")
        referenceFrames.append((client.rawValue, median(of: clientFrames)))
        referenceRSS.append((client.rawValue, median(of: clientRSS)))
    }
    figure("terminal.first_frame.min", frames.min() ?? 0, "ms")
    figure("terminal.first_frame", median(of: frames), "ms", references: referenceFrames)
    figure("terminal.rss.idle", median(of: rss), "MB", references: referenceRSS)
}

// MARK: - Idle

/// Nothing happening for a minute: Parley signed in with the million-message room open, the references
/// connected to the benchmark's IRC server and in #general. CPU time and wake-ups over that minute.
private func terminalIdle() async throws {
    let fixture = try await SharedFixtures.room(of: 1_000_000)
    let terminal = try startParley(fixture.directory)
    defer { terminal.stop() }
    try openRoom(terminal, fixture)
    let parley = idleCost(terminal)
    var cpu: [(name: String, value: Double)] = []
    var wakeUps: [(name: String, value: Double)] = []
    for client in ReferenceClient.installed {
        let session = try ReferenceSession(client)
        defer { session.end() }
        let cost = idleCost(session.terminal)
        cpu.append((client.rawValue, cost.cpu))
        wakeUps.append((client.rawValue, cost.wakeUps))
    }
    figure("terminal.idle_cpu_per_minute", parley.cpu, "ms", references: cpu)
    figure("terminal.idle_wakeups", parley.wakeUps, "per s", references: wakeUps)
}

/// CPU milliseconds and wake-ups a second over a minute of nothing, after 3 s to settle.
///
/// Wake-ups are counted per thread, each thread's counter read every second: a thread that ends takes its
/// count out of /proc with it, so a sum read only at both ends could even come out negative. A thread that
/// starts or ends in the minute is counted from its first to its last reading (at most a second short).
private func idleCost(_ terminal: PseudoTerminal) -> (cpu: Double, wakeUps: Double) {
    terminal.idle(for: .seconds(3))
    let cpuBefore = terminal.cpuTime
    var first = terminal.threadWakeUps
    var last = first
    for _ in 0..<60 {
        terminal.idle(for: .seconds(1))
        for (thread, count) in terminal.threadWakeUps {
            if first[thread] == nil { first[thread] = count }
            last[thread] = count
        }
    }
    let wakeUps = last.reduce(0) { $0 + $1.value - (first[$1.key] ?? $1.value) }
    return (milliseconds(terminal.cpuTime - cpuBefore), Double(wakeUps) / 60)
}
