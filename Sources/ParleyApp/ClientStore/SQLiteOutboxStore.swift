import Foundation
import GRDB
import ParleyContracts
import ParleyCore

/// Each user's outbox as rows of `client.sqlite`, keyed by user and message id, in the order they were added.
/// Several app instances of one user each add and remove their own rows, so none can wipe another's; each row
/// names the instance that sends it, and an instance that has ended (quit, or killed) leaves its rows to the
/// next instance of the user that reads the outbox.
struct SQLiteOutboxStore: OutboxStore {
    let database: ClientDatabase
    /// The app instance this store adds rows for, whose lock says whether it still runs.
    let instance: InstanceLock

    func add(_ message: PendingMessage, user: String) throws {
        let item = try Self.encoded(message)
        try database.write { db in
            try db.execute(
                sql: "INSERT OR IGNORE INTO outbox (user, id, item, owner) VALUES (?, ?, ?, ?)",
                arguments: [user, message.id.rawValue, item, instance.id])
        }
    }

    func replace(_ message: PendingMessage, user: String) throws {
        let item = try Self.encoded(message)
        try database.write { db in
            try db.execute(
                sql: "UPDATE outbox SET item = ? WHERE user = ? AND id = ?",
                arguments: [item, user, message.id.rawValue])
        }
    }

    func remove(_ ids: [MessageID], user: String) throws {
        try database.write { db in
            for id in ids {
                try db.execute(sql: "DELETE FROM outbox WHERE user = ? AND id = ?", arguments: [user, id.rawValue])
            }
        }
    }

    /// This instance's rows, with those of every instance of `user` that has ended taken over first (in one
    /// transaction, so that two instances reading at once cannot both take them).
    func items(of user: String) throws -> [PendingMessage] {
        try takeInLegacyFile(of: user)
        let me = instance.id
        let directory = database.directory
        let (rows, ended) = try database.write { db in
            let owners = try String?.fetchAll(
                db, sql: "SELECT DISTINCT owner FROM outbox WHERE user = ? AND (owner IS NULL OR owner != ?)",
                arguments: [user, me])
            let ended = owners.filter { owner in owner.map { !InstanceLock.isRunning($0, in: directory) } ?? true }
            for owner in ended {
                try db.execute(
                    sql: "UPDATE outbox SET owner = ? WHERE user = ? AND owner IS ?", arguments: [me, user, owner])
            }
            let rows = try Data.fetchAll(
                db, sql: "SELECT item FROM outbox WHERE user = ? AND owner = ? ORDER BY position",
                arguments: [user, me])
            return (rows, ended.compactMap { $0 })
        }
        for owner in ended { InstanceLock.removeLeftover(of: owner, in: directory) }
        return try rows.map { row in
            do {
                return try JSONDecoder().decode(PendingMessage.self, from: row)
            } catch {
                throw ClientStoreError.unreadableItem(path: database.directory.file(ClientDatabase.fileName).path)
            }
        }
    }

    /// Unsent messages of a version that kept them in `outbox/NAME.json` join the table, once.
    private func takeInLegacyFile(of user: String) throws {
        let legacy = LegacyOutboxFile(directory: database.directory, user: user)
        let left = try legacy.messages()
        guard !left.isEmpty || FileManager.default.fileExists(atPath: legacy.url.path) else { return }
        for message in left { try add(message, user: user) }
        legacy.remove()
    }

    private static func encoded(_ message: PendingMessage) throws -> Data {
        var stored = message
        stored.isQueued = true  // read back, it waits to be sent, whatever it was doing when written
        return try JSONEncoder().encode(stored)
    }
}
