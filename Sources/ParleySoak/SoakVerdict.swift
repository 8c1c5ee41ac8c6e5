import Foundation
import GRDB

/// The databases against what the senders were shown: nothing accepted missing, nothing stored twice, each
/// sender's messages stored in the order typed, every database whole.
struct SoakVerdict {
    private(set) var stored: [SoakMessage] = []
    private(set) var lost: [SoakMessage] = []
    private(set) var duplicated: [SoakMessage] = []
    private(set) var reordered: [SoakMessage] = []
    private(set) var integrityErrors: [String] = []
    private(set) var leftInOutbox = 0

    /// - Parameter oneInstanceAtATime: lanes whose user runs no other lane: their order holds across kills
    ///   (the next instance sends what the killed one left before anything new). A user in several terminals
    ///   at once has no single order across them: each instance's own messages keep theirs.
    init(data: URL, log: SenderLog, oneInstanceAtATime: Set<String>) throws {
        integrityErrors = try Self.checkIntegrity(in: data)
        let queue = try Self.open(data.appendingPathComponent("messages.sqlite"))
        let texts = try queue.read { db in
            try String.fetchAll(db, sql: "SELECT text FROM messages ORDER BY sequence")
        }
        stored = texts.compactMap(SoakMessage.init(text:))
        var counts: [SoakMessage: Int] = [:]
        for message in stored { counts[message, default: 0] += 1 }
        duplicated = counts.filter { $0.value > 1 }.map(\.key).sorted()
        lost = log.accepted.subtracting(counts.keys).sorted()
        var highest: [String: Int] = [:]
        for message in stored {
            let stream = oneInstanceAtATime.contains(message.lane) ? message.lane : "\(message.lane)-\(message.segment)"
            if let top = highest[stream], message.number < top {
                reordered.append(message)
            } else {
                highest[stream] = message.number
            }
        }
        let client = try Self.open(data.appendingPathComponent("client.sqlite"))
        leftInOutbox = try client.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM outbox") ?? 0 }
    }

    var passed: Bool { lost.isEmpty && duplicated.isEmpty && reordered.isEmpty && integrityErrors.isEmpty }

    /// `PRAGMA integrity_check` on every database in the data directory: each line that is not `ok`.
    private static func checkIntegrity(in data: URL) throws -> [String] {
        let files = (FileManager.default.enumerator(at: data, includingPropertiesForKeys: nil)?.allObjects ?? [])
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "sqlite" }
        var errors: [String] = []
        for file in files {
            let lines = try open(file).read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check") }
            errors += lines.filter { $0 != "ok" }.map { "\(file.lastPathComponent): \($0)" }
        }
        return errors
    }

    private static func open(_ file: URL) throws -> DatabaseQueue {
        var configuration = Configuration()
        configuration.busyMode = .timeout(30)
        return try DatabaseQueue(path: file.path, configuration: configuration)
    }
}
