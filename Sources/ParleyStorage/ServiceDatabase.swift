import Foundation
import GRDB

/// Opens a service's own SQLite database: WAL mode so readers never block the writer, a busy timeout so
/// writers in several processes take turns, migrations applied, and the file private to its owner.
public enum ServiceDatabase {
    /// How long a write waits for another process's transaction before giving up.
    public static let busyTimeout: TimeInterval = 10

    /// Opens (creating if needed) the database `fileName` in `directory`, checks it, and migrates it.
    public static func open(
        _ fileName: String, in directory: DataDirectory, migrator: DatabaseMigrator,
        check: IntegrityCheck = .header, busyTimeout: TimeInterval = Self.busyTimeout
    ) throws(StorageError) -> DatabasePool {
        try directory.prepare()
        let url = directory.file(fileName)
        // Openers take turns: two processes making a new store at once would both find it unmigrated, or meet
        // SQLite's busy answers that no timeout waits out (switching a new file to WAL, say).
        return try OpeningLock.holding(directoryOf: url) { () throws(StorageError) -> DatabasePool in
            try openLocked(url, migrator: migrator, check: check, busyTimeout: busyTimeout)
        }
    }

    private static func openLocked(
        _ url: URL, migrator: DatabaseMigrator, check: IntegrityCheck, busyTimeout: TimeInterval
    ) throws(StorageError) -> DatabasePool {
        // SQLite's own words for these ("disk I/O error", "is read-only") would hide what is wrong.
        try checkAccess(to: url)
        try checkIntegrity(of: url, check, busyTimeout: busyTimeout)
        // SQLite gives the -wal and -shm files the database file's mode, so 0600 here covers them too; one
        // Parley made with a looser mode (or an umask it did not override) is tightened.
        try PrivateFile.ensureExists(url)
        PrivateFile.tighten(url)
        var configuration = Configuration()
        configuration.busyMode = .timeout(busyTimeout)
        configuration.journalMode = .wal
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
        }
        do {
            let pool = try DatabasePool(path: url.path, configuration: configuration)
            try migrator.migrate(pool)
            return pool
        } catch {
            throw storageError(error, path: url.path)
        }
    }

    /// Refuses, in words that say what is wrong, a database path that is a directory or that this user may
    /// not read or write.
    static func checkAccess(to url: URL) throws(StorageError) {
        var info = stat()
        guard stat(url.path, &info) == 0 else { return }  // a new store
        if info.st_mode & S_IFMT == S_IFDIR { throw .isADirectory(path: url.path) }
        if access(url.path, R_OK) != 0 { throw .unreadable(path: url.path, reason: String(cString: strerror(errno))) }
        if access(url.path, W_OK) != 0 { throw .readOnly(path: url.path) }
    }

    /// Translates a SQLite error into one that names the file and says what to do.
    public static func storageError(_ error: any Error, path: String) -> StorageError {
        guard let error = error as? DatabaseError else {
            return .cannotOpen(path: path, reason: "\(error)")
        }
        switch error.resultCode {
        case .SQLITE_NOTADB: return .notADatabase(path: path)
        case .SQLITE_CORRUPT: return .corrupt(path: path)
        case .SQLITE_BUSY, .SQLITE_LOCKED: return .locked(path: path)
        case .SQLITE_READONLY:
            return .readOnly(path: path)
        case .SQLITE_PERM, .SQLITE_CANTOPEN:
            return .cannotOpen(path: path, reason: error.message ?? "SQLite cannot open it")
        default: return .failed(path: path, reason: error.message ?? "\(error.resultCode)")
        }
    }
}
