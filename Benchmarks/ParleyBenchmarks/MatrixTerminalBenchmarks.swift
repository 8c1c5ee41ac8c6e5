import Foundation

// The release app on a pseudo-terminal against the homeserver, timed from outside by what it draws.
// `make bench BENCH=matrix` builds it beside this executable.

/// The release `parley` (or the one `PARLEY_BENCH_BINARY` names) on `root/data`, chatting through `server`.
private func startParley(root: URL, server: String) throws -> PseudoTerminal {
    let sibling = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        .appendingPathComponent("parley").path
    let binary = ProcessInfo.processInfo.environment["PARLEY_BENCH_BINARY"] ?? sibling
    guard FileManager.default.isExecutableFile(atPath: binary) else {
        throw MatrixBenchFailure(
            description: "\(binary) is missing: build it with `swift build -c release --product parley`")
    }
    let settings = try MatrixBench.settingsFile(in: root)
    return try PseudoTerminal(
        binary,
        arguments: ["--data", root.appendingPathComponent("data").path, "--config", settings.path, "--server", server],
        environment: ["TERM": "xterm-256color", "LANG": "C.UTF-8"], width: 120, height: 40)
}

// MARK: - Opening on a cached account

/// A data directory with 50 rooms and 20,000 messages cached (`MatrixCachedAccount`; `PARLEY_BENCH_CACHED`
/// sets another count of messages), the session kept. The release app starts five times on it; each time,
/// the time from starting it to the frame that shows the newest message of the room it opens on (its last
/// screen, from the cache), and to its first output on the terminal (the sign-in screen it draws first).
func matrixFirstFrameCached() async throws {
    let server = try MatrixBench.homeserver()
    let messages = MatrixBench.count("PARLEY_BENCH_CACHED", standard: 20_000)
    let account = try await MatrixCachedAccount.make(server: server, rooms: 50, messages: messages)
    defer { account.remove() }
    var opened: [Double] = []
    var firstDraws: [Double] = []
    for _ in 0..<5 {
        let started = ContinuousClock.now
        let terminal = try startParley(root: account.root, server: server)
        defer { terminal.stop() }
        guard terminal.pump(timeout: .seconds(30), until: { !$0.isEmpty }) != nil else {
            throw MatrixBenchFailure(description: "parley drew nothing within 30 s")
        }
        firstDraws.append(milliseconds(since: started))
        guard terminal.pump(timeout: .seconds(60), untilDrawn: account.newestMarker) != nil else {
            throw MatrixBenchFailure(
                description: "parley did not show the cached room's newest message within 60 s; it drew: "
                    + drawnText(terminal))
        }
        opened.append(milliseconds(since: started))
        terminal.idle(for: .milliseconds(500))
    }
    let name = messages == 20_000 ? "matrix.first_frame.cached" : "matrix.first_frame.cached_\(messages)"
    figure(name, percentile(opened.sorted(), 0.5), "ms")
    figure("\(name).min", opened.min() ?? 0, "ms")
    figure("\(name).first_output", percentile(firstDraws.sorted(), 0.5), "ms")
}

// MARK: - Catching up

/// Someone signed up and in a room through the app, which then quit. Another person (a plain client) sends
/// `PARLEY_BENCH_CATCH_UP` (5,000) messages into the room, the last one only after all the others are
/// stored. Then the release app starts: the time from starting it to the frame that shows that last one.
func matrixCatchUp() async throws {
    let server = try MatrixBench.homeserver()
    let count = MatrixBench.count("PARLEY_BENCH_CATCH_UP", standard: 5_000)
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("parley-catch-up-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: root) }
    let room = "#" + MatrixBench.uniqueName("catch")
    let reader = try await MatrixBenchPerson.login(try await registered(server), root: root, server: server)
    try await reader.join(room)
    await reader.close()

    let writer = try await MatrixBench.plainUser("writer", server: server)
    let marker = "last-of-\(count)-" + UUID().uuidString.prefix(6).lowercased()
    do {
        // The server's name, as in the writer's own id `@writer-…:NAME`, completes the room's alias.
        let serverName = writer.session?.userID.split(separator: ":", maxSplits: 1).last ?? "localhost"
        let roomID = try await writer.join("\(room):\(serverName)")
        let began = ContinuousClock.now
        try await MatrixBench.flood(writer, room: roomID, count: count - 1) { "catching up, message \($0 + 1)" }
        _ = try await writer.send(.text(marker), to: roomID, transactionID: "last-\(marker)")
        print("(the server stored \(count) messages in \(Int(milliseconds(since: began) / 1000)) s)")
        try await writer.shutdown()
    } catch {
        try? await writer.shutdown()
        throw error
    }

    let started = ContinuousClock.now
    let terminal = try startParley(root: root, server: server)
    defer { terminal.stop() }
    guard terminal.pump(timeout: .seconds(300), untilDrawn: marker) != nil else {
        throw MatrixBenchFailure(
            description: "parley did not show the last of \(count) messages within 300 s; it drew: "
                + drawnText(terminal))
    }
    let name = count == 5_000 ? "matrix.catch_up_5000" : "matrix.catch_up_\(count)"
    figure(name, milliseconds(since: started) / 1000, "s")
}

/// A fresh user signed up on `server` by a plain client, for the app to sign in as.
private func registered(_ server: String) async throws -> String {
    let client = try await MatrixBench.plainUser("reader", server: server)
    let userID = client.session?.userID ?? ""
    try await client.shutdown()
    return userID
}

/// The text a program drew lately, its escape sequences left out: what a failure shows of the screen.
private func drawnText(_ terminal: PseudoTerminal) -> String {
    let text = String(decoding: terminal.received.suffix(6_000), as: UTF8.self)
    return text.replacing(/\x1B(\[[0-9;?]*[ -\/]*[@-~]|[()][0-9A-Za-z]|.)/, with: " ")
        .replacing(/\s+/, with: " ")
}
