import Foundation

// Keys and pastes: what each costs between the terminal sending it and the screen showing it.

/// A key to the frame that shows it, one key at a time: Parley with the million-message room open, the
/// references in #general on the benchmark's IRC server.
func terminalKeys() async throws {
    let fixture = try await SharedFixtures.room(of: 1_000_000)
    let terminal = try startParley(fixture.directory)
    defer { terminal.stop() }
    try openRoom(terminal, fixture)
    terminal.idle(for: .milliseconds(500))
    let parley = try keyEchoes(terminal, program: "parley")
    var medians: [(name: String, value: Double)] = []
    var maxima: [(name: String, value: Double)] = []
    var cpu: [(name: String, value: Double)] = []
    for client in ReferenceClient.installed {
        let session = try ReferenceSession(client)
        defer { session.end() }
        session.terminal.idle(for: .milliseconds(500))
        let echoes = try keyEchoes(session.terminal, program: client.rawValue)
        medians.append((client.rawValue, median(of: echoes.latencies)))
        maxima.append((client.rawValue, echoes.latencies.max() ?? 0))
        cpu.append((client.rawValue, echoes.cpuPerKey))
    }
    figure("terminal.key_to_frame.p50", median(of: parley.latencies), "ms", references: medians)
    figure("terminal.key_to_frame.max", parley.latencies.max() ?? 0, "ms", references: maxima)
    figure("terminal.key.cpu", parley.cpuPerKey, "ms", references: cpu)
}

/// Types letters one at a time, each timed until the input line shows it. The screen is read, not the bytes:
/// a letter in a status bar redrawn meanwhile must not count as its echo. So the typed text starts with a few
/// untimed characters, and each key counts as shown when the last nine typed are on one row.
private func keyEchoes(_ terminal: PseudoTerminal, program: String, keys: Int = 100) throws -> (
    latencies: [Double], cpuPerKey: Double
) {
    var typed = "keyecho:"
    terminal.send(typed)
    guard terminal.pump(timeout: .seconds(10), untilShown: typed) != nil else {
        throw PseudoTerminal.Failure(description: "\(program) did not show typed text within 10 s")
    }
    terminal.idle(for: .milliseconds(100))
    let letters = Array("abcdefghijklmnopqrstuvwxyz")
    var latencies: [Double] = []
    let cpuBefore = terminal.cpuTime
    for index in 0..<keys {
        let letter = letters[index % letters.count]
        typed.append(letter)
        terminal.send(String(letter))
        guard let latency = terminal.pump(timeout: .seconds(5), untilShown: String(typed.suffix(9))) else {
            throw PseudoTerminal.Failure(description: "\(program) did not show the key \(letter) within 5 s")
        }
        latencies.append(milliseconds(latency))
        terminal.idle(for: .milliseconds(20))
    }
    return (latencies, milliseconds(terminal.cpuTime - cpuBefore) / Double(keys))
}

/// 1 MiB pasted (bracketed, as a terminal pastes) until its end shows in the input line. No reference: WeeChat
/// stops a paste of this many lines to ask whether to send it, and irssi (no bracketed paste by default) takes
/// each line's end as Enter, so neither has a moment that compares with the text being in the input line.
func terminalPaste() throws {
    let directory = try ScratchDirectory()
    defer { directory.remove() }
    let terminal = try startParley(directory)
    defer { terminal.stop() }
    try signUp(terminal)
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
