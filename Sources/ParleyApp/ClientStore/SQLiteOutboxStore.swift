import Foundation
import GRDB
import ParleyContracts
import ParleyCore

/// Each user's outbox as rows of `client.sqlite`, keyed by user and message id, in the order they were added.
/// Several app instances of one user each add and remove their own rows, so none can wipe another's.
struct SQLiteOutboxStore: OutboxStore {
    let database: ClientDatabase

    func add(_ message: PendingMessage, user: String) throws {
        var stored = message
        stored.isQueued = true  // read back, it waits to be sent, whatever it was doing when written
        let item = try JSONEncoder().encode(stored)
        try database.write { db in
            try db.execute(
                sql: "INSERT OR IGNORE INTO outbox (user, id, item) VALUES (?, ?, ?)",
                arguments: [user, message.id.rawValue, item])
        }
    }

    func remove(_ ids: [MessageID], user: String) throws {
        try database.write { db in
            for id in ids {
                try db.execute(sql: "DELETE FROM outbox WHERE user = ? AND id = ?", arguments: [user, id.rawValue])
            }
        }
    }

    func items(of user: String) throws -> [PendingMessage] {
        // Unsent messages of a version that kept them in `outbox/NAME.json` join the table, once.
        let legacy = LegacyOutboxFile(directory: database.directory, user: user)
        let left = try legacy.messages()
        if !left.isEmpty || FileManager.default.fileExists(atPath: legacy.url.path) {
            for message in left { try add(message, user: user) }
            legacy.remove()
        }
        let rows = try database.read { db in
            try Data.fetchAll(db, sql: "SELECT item FROM outbox WHERE user = ? ORDER BY position", arguments: [user])
        }
        return try rows.map { row in
            do {
                return try JSONDecoder().decode(PendingMessage.self, from: row)
            } catch {
                throw ClientStoreError.unreadableItem(path: database.directory.file(ClientDatabase.fileName).path)
            }
        }
    }
}
