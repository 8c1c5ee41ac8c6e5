import Foundation

/// Holds an exclusive lock on a database's directory while the database is opened and migrated. Two processes opening a new
/// store at the same moment would otherwise both see it unmigrated, and the second would fail creating a table
/// the first had just made. `flock` on the directory needs no extra file, does not touch SQLite's own locks
/// (those are `fcntl` locks on the database files), and is released by the kernel if the process dies.
enum OpeningLock {
    static func holding<T, E: Error>(directoryOf file: URL, _ body: () throws(E) -> T) throws(E) -> T {
        let descriptor = open(file.deletingLastPathComponent().path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        // Without a descriptor there is nothing to lock; migrating anyway is what Parley did before.
        guard descriptor >= 0 else { return try body() }
        defer { close(descriptor) }
        while flock(descriptor, LOCK_EX) != 0 && errno == EINTR {}
        defer { flock(descriptor, LOCK_UN) }
        return try body()
    }
}
