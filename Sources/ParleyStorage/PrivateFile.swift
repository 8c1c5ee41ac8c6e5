import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Files Parley creates are private to their owner: 0600, whatever the process umask says.
public enum PrivateFile {
    /// Creates `url` empty with mode 0600 if it does not exist yet; an existing file is left as it is.
    public static func ensureExists(_ url: URL) throws(StorageError) {
        let descriptor = open(url.path, O_CREAT | O_WRONLY | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            throw .cannotCreateFile(path: url.path, reason: String(cString: strerror(errno)))
        }
        close(descriptor)
    }

    /// Takes away what group and others may do with `url` (and its `-wal` and `-shm` files, for a
    /// database), leaving the owner's rights: for files Parley made, which hold nobody else's business.
    public static func tighten(_ url: URL) {
        for path in [url.path, url.path + "-wal", url.path + "-shm"] {
            var info = stat()
            guard stat(path, &info) == 0, info.st_mode & 0o077 != 0 else { continue }
            chmod(path, info.st_mode & 0o700)
        }
    }

    /// Writes `data` to a new file at `url`, mode 0600; fails if the file already exists.
    /// - Returns: false when another process created the file first.
    public static func createExclusively(_ url: URL, contents data: Data) throws(StorageError) -> Bool {
        let descriptor = open(url.path, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0o600)
        if descriptor < 0, errno == EEXIST { return false }
        guard descriptor >= 0 else {
            throw .cannotCreateFile(path: url.path, reason: String(cString: strerror(errno)))
        }
        defer { close(descriptor) }
        let written = data.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        guard written == data.count, fsync(descriptor) == 0 else {
            throw .cannotCreateFile(path: url.path, reason: String(cString: strerror(errno)))
        }
        return true
    }
}
