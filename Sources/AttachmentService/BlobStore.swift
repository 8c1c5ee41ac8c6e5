import Foundation
import ParleyStorage

/// The blob files under `attachments/` in the data directory, each named by its content's SHA-256.
///
/// A blob appears only by an atomic rename of a complete temporary file in the same folder, so a reader
/// never sees half a blob. Writers hold an advisory lock on their temporary file while they work: at start,
/// any temporary file nobody holds is left over from an interrupted import and is removed. Several
/// processes may share the folder; `.lock` keeps one's collection from removing a blob another is adding.
struct BlobStore: Sendable {
    static let folderName = "attachments"
    static let temporaryPrefix = ".import-"
    static let temporarySuffix = ".part"

    let folder: URL

    init(in directory: DataDirectory) throws(StorageError) {
        folder = try directory.prepare(subdirectory: Self.folderName)
    }

    func url(of id: String) -> URL { folder.appendingPathComponent(id, isDirectory: false) }

    /// Whether `name` can be a blob's: 64 lower-case hex digits, so no request can name a path outside.
    static func isBlobName(_ name: String) -> Bool {
        name.utf8.count == 64 && name.utf8.allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }
    }

    // MARK: - Temporary files

    /// A new temporary file, open for writing and reading (imports hash what they wrote), locked by this
    /// process until it is closed.
    func makeTemporaryFile() -> Result<(descriptor: Int32, path: String), FileSystem.Failure> {
        let path = folder.appendingPathComponent(Self.temporaryPrefix + UUID().uuidString + Self.temporarySuffix).path
        return FileSystem.createExclusively(path, mode: 0o600, readable: true).map { descriptor in
            _ = FileSystem.lock(descriptor)
            return (descriptor, path)
        }
    }

    /// Removes temporary files left by interrupted imports (ours or another process's); returns how many.
    @discardableResult
    func removeAbandonedTemporaryFiles() -> Int {
        var removed = 0
        for name in FileSystem.names(in: folder)
        where name.hasPrefix(Self.temporaryPrefix) && name.hasSuffix(Self.temporarySuffix) {
            let path = folder.appendingPathComponent(name).path
            guard case let .success(descriptor) = FileSystem.openForReading(path) else { continue }
            // A lock we can take is a lock nobody holds: the writer is gone.
            if FileSystem.lock(descriptor, wait: false) {
                FileSystem.remove(path)
                removed += 1
            }
            FileSystem.closeFile(descriptor)
        }
        return removed
    }

    // MARK: - Blobs

    /// The size of the stored blob, or nil if there is none.
    func size(of id: String) -> Int64? {
        guard case let .success(status) = FileSystem.status(of: url(of: id).path), status.isRegularFile else {
            return nil
        }
        return status.size
    }

    /// Gives a finished temporary file its blob name. The same content may be there already; a copy of
    /// another size (cut short by a crash) is replaced.
    /// - Returns: whether the content was already stored, in which case the temporary file is removed.
    func commit(temporary path: String, as id: String, bytes: Int64) -> Result<Bool, FileSystem.Failure> {
        if size(of: id) == bytes {
            FileSystem.remove(path)
            return .success(true)
        }
        return FileSystem.move(path, to: url(of: id).path).map { false }
    }

    func remove(_ id: String) { FileSystem.remove(url(of: id).path) }

    /// The names of every blob file, for finding those the database no longer knows.
    func blobIDs() -> [String] { FileSystem.names(in: folder).filter(Self.isBlobName) }

    /// Runs `work` holding the store's lock, shared by every process using this data directory.
    func exclusively<Value>(_ work: () throws -> Value) rethrows -> Value {
        let lockPath = folder.appendingPathComponent(".lock").path
        let descriptor = FileSystem.createOrOpen(lockPath)
        defer { if descriptor >= 0 { FileSystem.closeFile(descriptor) } }
        if descriptor >= 0 { _ = FileSystem.lock(descriptor) }
        return try work()
    }
}
