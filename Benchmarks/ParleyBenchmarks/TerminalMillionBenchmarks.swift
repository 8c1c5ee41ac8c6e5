import Foundation

// A data directory holding #general with a million messages: start, sign-in to the newest messages, memory.
// irssi and WeeChat keep no such store (an IRC client starts with empty windows), so these have no reference.

/// Five starts on the million-message directory: to the first frame; Enter on /login to the newest messages
/// on screen; resident memory 2 s after that. Then five sign-ins into a room of one message, for comparison.
func terminalMillion() async throws {
    let fixture = try await SharedFixtures.room(of: 1_000_000)
    var frames: [Double] = []
    var opens: [Double] = []
    var rss: [Double] = []
    for _ in 0..<5 {
        let terminal = try startParley(fixture.directory)
        defer { terminal.stop() }
        frames.append(milliseconds(try waitForWelcome(terminal)))
        opens.append(milliseconds(try openRoom(terminal, fixture)))
        terminal.idle(for: .seconds(2))
        rss.append(terminal.residentMegabytes)
    }
    figure("terminal.first_frame.million", median(of: frames), "ms")
    figure("terminal.first_frame.million.min", frames.min() ?? 0, "ms")
    figure("terminal.open_room.million", median(of: opens), "ms")
    figure("terminal.open_room.million.min", opens.min() ?? 0, "ms")
    figure("terminal.rss.million", median(of: rss), "MB")
    // The same sign-in into a room of one message: what the sign-in costs by itself (scrypt at OWASP's
    // setting checks the password), so that what the million messages add can be told apart from it.
    let single = try await SharedFixtures.room(of: 1)
    var singleOpens: [Double] = []
    for _ in 0..<5 {
        let terminal = try startParley(single.directory)
        defer { terminal.stop() }
        singleOpens.append(milliseconds(try openRoom(terminal, single)))
    }
    figure("terminal.open_room.one", median(of: singleOpens), "ms")
    figure("terminal.open_room.million.beyond_sign_in", median(of: opens) - median(of: singleOpens), "ms")
}

/// Types /login on the welcome screen, then times Enter to the room's newest message on screen.
@discardableResult
func openRoom(_ terminal: PseudoTerminal, _ fixture: RoomFixture) throws -> Duration {
    try waitForWelcome(terminal)
    terminal.idle(for: .milliseconds(300))
    let login = RoomFixture.login
    terminal.send(String(login.dropLast()))
    // Typed and drawn (the password masked) before Enter starts the clock.
    terminal.pump(timeout: .seconds(10), untilShown: "/login \(RoomFixture.user)")
    terminal.idle(for: .milliseconds(200))
    terminal.send("\r")
    guard let opened = terminal.pump(timeout: .seconds(120), untilShown: RoomFixture.marker(fixture.count - 1))
    else {
        throw PseudoTerminal.Failure(
            description: "the newest of \(fixture.count) messages was not on screen within 120 s")
    }
    return opened
}
