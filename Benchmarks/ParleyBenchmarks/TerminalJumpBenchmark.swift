import Foundation

// Jumping through a long room: to its oldest message and back to its newest, each timed to its frame.

/// Parley on #general holding 100,000 messages; irssi and WeeChat in #general after the benchmark's IRC server
/// has said the same 100,000 texts there (WeeChat told to keep every line). Five jumps each way; the keys are
/// Alt-Home and Alt-End, irssi's own Ctrl-Home and Ctrl-End.
func terminalJump() async throws {
    let count = 100_000
    let fixture = try await SharedFixtures.room(of: count)
    let terminal = try startParley(fixture.directory)
    defer { terminal.stop() }
    try openRoom(terminal, fixture)
    let parley = try jumps(
        terminal, oldest: "\u{1B}[1;3H", newest: "\u{1B}[1;3F", count: count, program: "parley")
    var toOldest: [(name: String, value: Double)] = []
    var toNewest: [(name: String, value: Double)] = []
    for client in ReferenceClient.installed {
        let session = try ReferenceSession(client, keepsEveryLine: true)
        defer { session.end() }
        // The lines are taken in another window, which draws none of them: only the keeping is waited for.
        session.terminal.send(client.leaveChannelWindow)
        session.terminal.idle(for: .milliseconds(300))
        let server = session.server
        let finish = WriterFinish()
        Thread {
            server.say((0..<count).lazy.map(jumpText), in: "#general", as: "filler")
            finish.mark()
        }.start()
        guard session.terminal.pump(timeout: .seconds(600), until: { _ in finish.instant != nil }) != nil else {
            throw PseudoTerminal.Failure(description: "\(client.rawValue) did not take \(count) lines within 600 s")
        }
        session.terminal.send(client.returnToChannelWindow)
        guard session.terminal.pump(timeout: .seconds(600), untilShown: RoomFixture.marker(count - 1)) != nil else {
            throw PseudoTerminal.Failure(description: "\(client.rawValue) did not show \(count) lines within 600 s")
        }
        let times = try jumps(
            session.terminal, oldest: client.jumpToOldest, newest: client.jumpToNewest, count: count,
            program: client.rawValue)
        toOldest.append((client.rawValue, median(of: times.oldest)))
        toNewest.append((client.rawValue, median(of: times.newest)))
    }
    figure("terminal.jump_oldest", median(of: parley.oldest), "ms", references: toOldest)
    figure("terminal.jump_oldest.max", parley.oldest.max() ?? 0, "ms")
    figure("terminal.jump_newest", median(of: parley.newest), "ms", references: toNewest)
    figure("terminal.jump_newest.max", parley.newest.max() ?? 0, "ms")
}

/// What the references are told: the fixture's marker, then words, as Parley's room holds.
private func jumpText(_ index: Int) -> String { RoomFixture.marker(index) + " said on the benchmark's server" }

/// Five round trips: the oldest key until the first message is on screen, the newest key until the last is.
private func jumps(
    _ terminal: PseudoTerminal, oldest: String, newest: String, count: Int, program: String
) throws -> (oldest: [Double], newest: [Double]) {
    var times: (oldest: [Double], newest: [Double]) = ([], [])
    terminal.idle(for: .milliseconds(500))
    for _ in 0..<5 {
        terminal.send(oldest)
        guard let there = terminal.pump(timeout: .seconds(30), untilShown: RoomFixture.marker(0)) else {
            throw PseudoTerminal.Failure(description: "\(program) did not show the oldest message within 30 s")
        }
        times.oldest.append(milliseconds(there))
        terminal.idle(for: .milliseconds(200))
        terminal.send(newest)
        guard let back = terminal.pump(timeout: .seconds(30), untilShown: RoomFixture.marker(count - 1)) else {
            throw PseudoTerminal.Failure(description: "\(program) did not show the newest message within 30 s")
        }
        times.newest.append(milliseconds(back))
        terminal.idle(for: .milliseconds(200))
    }
    return times
}
