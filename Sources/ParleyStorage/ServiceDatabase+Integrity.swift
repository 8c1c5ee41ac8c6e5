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
