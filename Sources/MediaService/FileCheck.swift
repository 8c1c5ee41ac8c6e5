import ParleyContracts

#if canImport(Glibc)
    import Glibc
#endif

/// The checks every request makes before a decoder sees a file, so that a missing path, a directory or a
/// FIFO gets a sentence of its own instead of a decoder's confusion (or a read that never returns).
enum FileCheck {
    /// The size of the regular, readable file at `path`.
    static func size(of path: String) throws(MediaError) -> Int64 {
        var status = stat()
        guard stat(path, &status) == 0 else {
            if errno == ENOENT || errno == ENOTDIR { throw .missing(path: path) }
            throw .unreadable(path: path, reason: String(cString: strerror(errno)))
        }
        guard status.st_mode & S_IFMT == S_IFREG else { throw .notAFile(path: path) }
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw .unreadable(path: path, reason: String(cString: strerror(errno))) }
        close(descriptor)
        return Int64(status.st_size)
    }

    /// At most the first `limit` bytes of the file: never more, however large the file is.
    static func prefix(of path: String, limit: Int) throws(MediaError) -> [UInt8] {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw .unreadable(path: path, reason: String(cString: strerror(errno))) }
        defer { close(descriptor) }
        var bytes = [UInt8](repeating: 0, count: limit)
        var filled = 0
        while filled < limit {
            let count = bytes.withUnsafeMutableBytes { read(descriptor, $0.baseAddress! + filled, limit - filled) }
            if count < 0, errno == EINTR { continue }
            guard count >= 0 else { throw .unreadable(path: path, reason: String(cString: strerror(errno))) }
            if count == 0 { break }
            filled += count
        }
        return Array(bytes[..<filled])
    }
}
