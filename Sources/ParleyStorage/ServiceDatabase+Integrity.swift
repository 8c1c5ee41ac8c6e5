import Foundation
import GRDB

extension ServiceDatabase {
    /// How thoroughly a store is checked, read-only, before anything writes to it.
    public enum IntegrityCheck: Sendable {
        /// Reads the schema: catches a file that is not a database or whose header is damaged. Instant.
        case header
        /// SQLite's `quick_check` over every page: for small stores, where it is quick.
        case full
    }

    /// Refuses a damaged store before anything writes to it.
    ///
    /// Opening runs the migrator, whose first statement is a write, and SQLite does write into a damaged file
    /// (a corrupt file was seen to grow a page). That could spoil what a recovery tool might still save, so the
    /// file is checked first, read-only.
    static func checkIntegrity(of url: URL, _ check: IntegrityCheck, busyTimeout: TimeInterval) throws(StorageError) {
        let size = (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? 0
        guard size > 0 else { return }  // a new store: nothing to check
        // Even read-only, SQLite makes `-wal` and `-shm` files for a database in WAL mode. Beside a store it
        // refuses, they would be litter that a recovery tool might take for part of the store: removed again.
        let companions = [url.path + "-wal", url.path + "-shm"].filter { !FileManager.default.fileExists(atPath: $0) }
        do {
            try read(url, check, busyTimeout: busyTimeout)
        } catch {
            for path in companions { try? FileManager.default.removeItem(atPath: path) }
            throw error
        }
    }

    private static func read(_ url: URL, _ check: IntegrityCheck, busyTimeout: TimeInterval) throws(StorageError) {
        var configuration = Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(busyTimeout)
        let healthy: Bool
        do {
            let queue = try DatabaseQueue(path: url.path, configuration: configuration)
            healthy = try queue.read { db in
                switch check {
                case .header:
                    _ = try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master")
                    return true
                case .full:
                    return try String.fetchAll(db, sql: "PRAGMA quick_check") == ["ok"]
                }
            }
            try queue.close()
        } catch {
            throw storageError(error, path: url.path)
        }
        guard healthy else { throw .corrupt(path: url.path) }
    }
}
