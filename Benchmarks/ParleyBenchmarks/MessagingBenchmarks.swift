import Foundation
import GRDB
import MessagingService
import ParleyContracts
import ParleyStorage
import ServiceRuntime
import SessionTokens
import Synchronization

// The messaging service's figures, each beside raw SQLite doing the same work on the same file. Benchmarks
// that need a second process re-launch this executable with `MessagingChild.modeVariable` set: it then
// knows only `messaging.child`, which plays the other process's part.
let messagingBenchmarks: [Benchmark] =
    ProcessInfo.processInfo.environment[MessagingChild.modeVariable] != nil
    ? [Benchmark(name: "messaging.child") { try await MessagingChild.run() }]
    : [
        Benchmark(name: "messaging.throughput") { try await messagingThroughput() },
        Benchmark(name: "messaging.delivery") { try await messagingDelivery() },
        Benchmark(name: "messaging.large-room") { try await messagingLargeRoom() },
    ]

// MARK: - Stored messages per second

private func messagingThroughput() async throws {
    let directory = try BenchDirectory()
    defer { directory.remove() }
    let count = 20_000
    let batch = 64
    let session = try await MessagingSession.start(directory.data, user: "one")
    let raw = try RawMessages.open(directory.data)
    // One message per request and per transaction, then as an outbox flush sends them: `batch` at a time.
    for size in [1, batch] {
        let prefix = "s\(size)-"
        let serviceRate = try await rate(count) { try await session.sendAll(count: count, prefix: prefix, batch: size) }
        let rawRate = try await rate(count) {
            for start in stride(from: 0, to: count, by: size) {
                try raw.inTransaction { db in
                    for index in start..<min(start + size, count) {
                        try RawMessages.insert(
                            db, id: "raw\(prefix)\(index)", room: "#general", text: RawMessages.text(index))
                    }
                    return .commit
                }
            }
        }
        let name = size == 1 ? "messaging.store.one-sender" : "messaging.store.one-sender.batch\(size)"
        figure(name, serviceRate, "msg/s", reference: "raw-sqlite", rawRate)
    }

    // Four senders in two processes, batching: two here, two in a child process, all on one data directory.
    let child = try MessagingChild.launch(mode: "senders", directory: directory.data, count: count / 4)
    try await child.waitFor("ready")
    let start = ContinuousClock.now
    child.send("go")
    try await withThrowingTaskGroup(of: Void.self) { group in
        for sender in 0..<2 {
            group.addTask { try await session.sendAll(count: count / 4, prefix: "p\(sender)-", batch: batch) }
        }
        try await group.waitForAll()
    }
    try await child.waitFor("done")
    let elapsed = nanoseconds(ContinuousClock.now - start) / 1e9
    figure("messaging.store.four-senders-two-processes.batch\(batch)", Double(count) / elapsed, "msg/s")
    await session.host.close()
}

/// Messages per second when `body` stores `count` of them.
private func rate(_ count: Int, _ body: () async throws -> Void) async throws -> Double {
    let start = ContinuousClock.now
    try await body()
    return Double(count) / (nanoseconds(ContinuousClock.now - start) / 1e9)
}

// MARK: - Cross-process delivery latency

private func messagingDelivery() async throws {
    let directory = try BenchDirectory()
    defer { directory.remove() }
    let session = try await MessagingSession.start(directory.data, user: "reader")
    let count = 500
    // Each message carries the wall-clock time its sender asked for it to be sent; both processes share
    // the machine's clock.
    let latencies = Latencies()
    let events = session.host.events(bufferSize: 4096)
    let listener = Task {
        for await event in events {
            guard case let .messagePosted(message) = event, let sent = Double(message.text.dropFirst(2)) else {
                continue
            }
            if latencies.add(Date().timeIntervalSince1970 - sent, from: message.sender) == 2 * count { return }
        }
    }
    let child = try MessagingChild.launch(mode: "pace", directory: directory.data, count: count)
    try await child.waitFor("ready")
    child.send("go")
    // The reference: this process's own messages, delivered through the same watcher and feed.
    for index in 0..<count {
        _ = try await session.host.request(
            .send(
                token: session.token, room: RoomID("#general"), id: MessageID("own-\(index)"),
                text: "t=\(Date().timeIntervalSince1970)"))
        try await Task.sleep(for: .milliseconds(4))
    }
    try await child.waitFor("done")
    // Every message should have arrived by now; give stragglers a little longer, but never hang.
    Task {
        try await Task.sleep(for: .seconds(5))
        listener.cancel()
    }
    _ = await listener.result
    let other = latencies.sorted(from: "pacer")
    let own = latencies.sorted(from: "reader")
    for (label, fraction) in [("p50", 0.5), ("p99", 0.99)] {
        figure(
            "messaging.delivery.cross-process.\(label)", percentile(other, fraction) * 1e3, "ms",
            reference: "same-process", percentile(own, fraction) * 1e3)
    }
    await session.host.close()
}

// MARK: - A room of 1,000,000 messages

private func messagingLargeRoom() async throws {
    let directory = try BenchDirectory()
    defer { directory.remove() }
    let session = try await MessagingSession.start(directory.data, user: "reader")
    let room = RoomID("#big")
    _ = try await session.host.request(.createRoom(token: session.token, name: room.rawValue))
    let raw = try RawMessages.open(directory.data)
    let generation = ContinuousClock.now
    let total = 1_000_000
    for batch in stride(from: 0, to: total, by: 20_000) {
        try raw.inTransaction { db in
            for index in batch..<(batch + 20_000) {
                try RawMessages.insert(db, id: "big-\(index)", room: room.rawValue, text: RawMessages.text(index))
            }
            return .commit
        }
    }
    figure("messaging.large-room.generate", nanoseconds(ContinuousClock.now - generation) / 1e9, "s")

    let word = RawMessages.word(1234)
    let service = try await samples(200) {
        _ = try await session.host.request(.history(token: session.token, room: room, from: .newest, limit: 50))
    }
    let reference = try await samples(200) {
        _ = try raw.read { db in
            try Row.fetchAll(
                db, sql: "SELECT * FROM messages WHERE roomID = ? ORDER BY sequence DESC LIMIT 50",
                arguments: [room.rawValue])
        }
    }
    figure(
        "messaging.history.newest50.p50", percentile(service, 0.5), "ms", reference: "raw-sqlite",
        percentile(reference, 0.5))
    let found = try await session.host.request(.search(token: session.token, text: word, room: room, limit: 50))
    let searched = try await samples(200) {
        _ = try await session.host.request(.search(token: session.token, text: word, room: room, limit: 50))
    }
    let rawSearched = try await samples(200) {
        _ = try raw.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT messages.* FROM messageSearch JOIN messages ON messages.sequence = messageSearch.rowid
                    WHERE messageSearch MATCH ? ORDER BY messageSearch.rowid DESC LIMIT 50
                    """, arguments: ["\"\(word)\""])
        }
    }
    if case let .found(messages) = found { figure("messaging.search.word.results", Double(messages.count), "msgs") }
    figure(
        "messaging.search.word.p50", percentile(searched, 0.5), "ms", reference: "raw-sqlite",
        percentile(rawSearched, 0.5))
    await session.host.close()
}

/// Sorted durations of `count` runs of `body`, in milliseconds, after a few to warm caches.
private func samples(_ count: Int, _ body: () async throws -> Void) async throws -> [Double] {
    for _ in 0..<5 { try await body() }
    var times: [Double] = []
    for _ in 0..<count {
        let start = ContinuousClock.now
        try await body()
        times.append(nanoseconds(ContinuousClock.now - start) / 1e6)
    }
    return times.sorted()
}

// MARK: - Helpers

/// One user's session with a messaging service on `directory`.
private struct MessagingSession: Sendable {
    let host: ServiceHost<MessagingHandler>
    let token: String

    static func start(_ directory: DataDirectory, user: String) async throws -> MessagingSession {
        let host = MessagingService.makeHost(
            dataDirectory: directory,
            configuration: ServiceConfiguration(mailboxCapacity: 4096, defaultTimeout: .seconds(60)))
        await host.start()
        let signer = TokenSigner(key: try SessionKey.loadOrCreate(in: directory), revocations: nil)
        let token = signer.sign(
            SessionClaims(
                user: user, session: UUID().uuidString, issuedAt: Date(), expiresAt: Date(timeIntervalSinceNow: 3600)))
        _ = try await host.request(.hello(token: token))
        return MessagingSession(host: host, token: token)
    }

    /// Sends `count` messages to #general, `batch` per request, each request waiting for its reply.
    func sendAll(count: Int, prefix: String, batch: Int = 1) async throws {
        let general = RoomID("#general")
        for start in stride(from: 0, to: count, by: batch) {
            let messages = (start..<min(start + batch, count)).map { index in
                OutgoingMessage(room: general, id: MessageID("\(prefix)\(index)"), text: RawMessages.text(index))
            }
            if batch == 1, let message = messages.first {
                _ = try await host.request(.send(token: token, room: general, id: message.id, text: message.text))
            } else {
                _ = try await host.request(.sendBatch(token: token, messages: messages))
            }
        }
    }
}

/// The reference: the rows the service writes for a message, written with plain SQL.
private enum RawMessages {
    static let syllables = ["ka", "lo", "mi", "ne", "ru", "ta", "vo", "zi", "pe", "sa", "do", "fu"]

    /// One of 1,728 made-up words.
    static func word(_ number: Int) -> String {
        syllables[number % 12] + syllables[(number / 12) % 12] + syllables[(number / 144) % 12]
    }

    /// Eight words picked by a cheap hash of `index`, so that every run writes the same text.
    static func text(_ index: Int) -> String {
        var state = UInt64(index + 1) &* 0x9E37_79B9_7F4A_7C15
        return (0..<8).map { _ in
            state ^= state >> 29
            state &*= 0xBF58_476D_1CE4_E5B9
            return word(Int(state >> 40) % 1728)
        }.joined(separator: " ")
    }

    /// A connection set up as the service's are: WAL (already on in the file), commits without fsync, and a
    /// busy timeout.
    static func open(_ directory: DataDirectory) throws -> DatabaseQueue {
        var configuration = Configuration()
        configuration.busyMode = .timeout(10)
        configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA synchronous = NORMAL") }
        return try DatabaseQueue(path: directory.file("messages.sqlite").path, configuration: configuration)
    }

    /// The message row, its search index entry (the store indexes new messages itself, not by trigger) and
    /// its change-log row.
    static func insert(_ db: Database, id: String, room: String, text: String) throws {
        try db.cachedStatement(
            sql: "INSERT INTO messages (id, roomID, sender, text, sentAt) VALUES (?, ?, 'raw', ?, ?)"
        ).execute(arguments: [id, room, text, Date().timeIntervalSince1970])
        let sequence = db.lastInsertedRowID
        try db.cachedStatement(sql: "INSERT INTO messageSearch (rowid, text) VALUES (?, ?)")
            .execute(arguments: [sequence, text])
        try db.cachedStatement(sql: "INSERT INTO changes (kind, roomID, message) VALUES ('posted', ?, ?)")
            .execute(arguments: [room, sequence])
    }
}

/// Delivery latencies by sender, gathered by the event listener.
private final class Latencies: Sendable {
    private let bySender = Mutex<[String: [Double]]>([:])

    /// Records one; returns how many there are now in all.
    func add(_ seconds: Double, from sender: String) -> Int {
        bySender.withLock { all in
            all[sender, default: []].append(seconds)
            return all.values.reduce(0) { $0 + $1.count }
        }
    }

    func sorted(from sender: String) -> [Double] { bySender.withLock { ($0[sender] ?? []).sorted() } }
}

/// A temporary data directory for one benchmark.
private struct BenchDirectory {
    let root: URL
    var data: DataDirectory { DataDirectory(root.appendingPathComponent("data", isDirectory: true)) }

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("parley-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    }

    func remove() { try? FileManager.default.removeItem(at: root) }
}

// MARK: - The other process

/// The second process of a cross-process benchmark: this executable again, told by environment variables
/// what to do, and by a line on its standard input when to start.
enum MessagingChild {
    static let modeVariable = "PARLEY_BENCH_CHILD"
    static let dataVariable = "PARLEY_BENCH_DATA"
    static let countVariable = "PARLEY_BENCH_COUNT"

    /// The parent's side of a running child: its standard input and output.
    struct Handle: Sendable {
        let input: Int32
        let output: Int32

        func send(_ line: String) {
            let bytes = Array((line + "\n").utf8)
            _ = bytes.withUnsafeBytes { write(input, $0.baseAddress, $0.count) }
        }

        /// Waits for the child to print `expected` on a line of its own; fails if it exits first.
        func waitFor(_ expected: String) async throws {
            let output = output
            let seen: Bool = await withCheckedContinuation { continuation in
                // A thread of its own: a blocking read must not hold one of the few cooperative threads.
                Thread {
                    var line: [UInt8] = []
                    var byte: UInt8 = 0
                    while read(output, &byte, 1) == 1 {
                        guard byte == 10 else {
                            line.append(byte)
                            continue
                        }
                        if String(decoding: line, as: UTF8.self) == expected {
                            return continuation.resume(returning: true)
                        }
                        line.removeAll()
                    }
                    continuation.resume(returning: false)
                }.start()
            }
            guard seen else { throw ChildFailed(expected: expected) }
        }
    }

    struct ChildFailed: Error, CustomStringConvertible {
        let expected: String
        var description: String { "the child process ended before printing \(expected)" }
    }

    static func launch(mode: String, directory: DataDirectory, count: Int) throws -> Handle {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/proc/self/exe")
        process.arguments = ["messaging.child"]
        var environment = ProcessInfo.processInfo.environment
        environment[modeVariable] = mode
        environment[dataVariable] = directory.path
        environment[countVariable] = String(count)
        process.environment = environment
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        // Duplicated so that they outlive the Pipe objects, which close theirs when released.
        return Handle(
            input: dup(input.fileHandleForWriting.fileDescriptor),
            output: dup(output.fileHandleForReading.fileDescriptor))
    }

    /// The child's part: "senders" stores `count` messages from each of two senders, 64 a request;
    /// "pace" sends `count` messages 4 ms apart, each carrying the time it was sent; "flood" sends `count` as fast
    /// as they are taken, one request each.
    static func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        let mode = environment[modeVariable] ?? ""
        let directory = DataDirectory(path: environment[dataVariable] ?? "")
        let count = Int(environment[countVariable] ?? "") ?? 0
        let session = try await MessagingSession.start(
            directory, user: ["pace": "pacer", "flood": "flooder"][mode] ?? "child")
        print("ready")
        fflush(nil)
        _ = readLine()
        if mode == "flood" {
            // One request per message, as fast as the service takes them: the worst case for a watcher.
            for index in 0..<count {
                _ = try await session.host.request(
                    .send(
                        token: session.token, room: RoomID("#general"), id: MessageID("flood-\(index)"),
                        text: RawFloodText.text(index)))
            }
        } else if mode == "pace" {
            for index in 0..<count {
                _ = try await session.host.request(
                    .send(
                        token: session.token, room: RoomID("#general"), id: MessageID("pace-\(index)"),
                        text: "t=\(Date().timeIntervalSince1970)"))
                try await Task.sleep(for: .milliseconds(4))
            }
        } else {
            try await withThrowingTaskGroup(of: Void.self) { group in
                for sender in 0..<2 {
                    group.addTask { try await session.sendAll(count: count, prefix: "c\(sender)-", batch: 64) }
                }
                try await group.waitForAll()
            }
        }
        print("done")
        fflush(nil)
        await session.host.close()
    }
}
