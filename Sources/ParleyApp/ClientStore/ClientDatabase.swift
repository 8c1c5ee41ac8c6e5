import Foundation
import GRDB
import ParleyStorage

/// The app's own database, `client.sqlite` in the data directory: what a user's app instances keep between
/// runs, by user (the outbox, the last rooms and their recent history). SQLite in WAL mode, like the services'
/// stores, so that any number of processes share it safely; private to its owner (0600).
final class ClientDatabase: Sendable {
    static let fileName = "client.sqlite"

    let directory: DataDirectory
    /// The open database, or why it could not be opened: every use then fails with that sentence.
    private let opened: Result<DatabasePool, StorageError>

    init(directory: DataDirectory) {
        self.directory = directory
        opened = Result { () throws(StorageError) in
            try ServiceDatabase.open(Self.fileName, in: directory, migrator: Self.migrator)
        }
    }

    /// Why the database cannot be used, if it cannot.
    var problem: StorageError? {
        if case let .failure(error) = opened { return error }
        return nil
    }

    func write<T>(_ body: (Database) throws -> T) throws(StorageError) -> T {
        let pool = try opened.get()
        do {
            return try pool.write(body)
        } catch {
            throw ServiceDatabase.storageError(error, path: directory.file(Self.fileName).path)
        }
    }

    func read<T>(_ body: (Database) throws -> T) throws(StorageError) -> T {
        let pool = try opened.get()
        do {
            return try pool.read(body)
        } catch {
            throw ServiceDatabase.storageError(error, path: directory.file(Self.fileName).path)
        }
    }

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-outbox") { db in
            // `position` keeps the order items were added in, across every process of the user.
            try db.execute(
                sql: """
                    CREATE TABLE outbox (
                        position INTEGER PRIMARY KEY AUTOINCREMENT,
                        user TEXT NOT NULL,
                        id TEXT NOT NULL,
                        item BLOB NOT NULL,
                        UNIQUE (user, id)
                    )
                    """)
        }
        migrator.registerMigration("v2-cache") { db in
            // One row per user: the rooms and newest messages as the app last showed them, as JSON.
            try db.execute(
                sql: """
                    CREATE TABLE cachedViews (
                        user TEXT PRIMARY KEY NOT NULL,
                        view BLOB NOT NULL
                    )
                    """)
        }
        migrator.registerMigration("v3-outbox-owner") { db in
            // The app instance that sends the row; NULL (rows of earlier versions) is anyone's to send.
            try db.execute(sql: "ALTER TABLE outbox ADD COLUMN owner TEXT")
        }
        return migrator
    }
}
