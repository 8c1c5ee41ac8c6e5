import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// `parley.log`, shared by every Parley process on a data directory: opened for appending, so that each
/// line lands whole at the end of the file whatever the other processes write; and rotated at a size, so
/// that it never grows without bound (`parley.log` becomes `parley.log.1`, replacing the older one).
public final class LogFile: Sendable {
    public static let defaultRotationSize = 5 * 1024 * 1024

    public let url: URL
    private let rotationSize: Int
    /// The open descriptor; every use goes through the mutex, so a rotation never races a write.
    private let descriptor: Mutex<Int32>

    /// Opens `url` for appending, creating it with mode 0600.
    public init(url: URL, rotationSize: Int = LogFile.defaultRotationSize) throws(ConfigError) {
        self.url = url
        self.rotationSize = rotationSize
        descriptor = Mutex(try Self.open(url))
    }

    deinit {
        descriptor.withLock { _ = close($0) }
    }

    /// Appends `line` (which ends in a newline) in one write: with O_APPEND the kernel puts it at the end.
    public func append(_ line: String) {
        descriptor.withLock { descriptor in
            reopenIfRotatedElsewhere(&descriptor)
            let bytes = Array(line.utf8)
            _ = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            var info = stat()
            if fstat(descriptor, &info) == 0, Int(info.st_size) >= rotationSize { rotate(&descriptor) }
        }
    }

    /// Moves the full file aside and starts a new one. Under an exclusive lock on the file, and only if the
    /// file at `url` is still ours: two processes that fill it at once rotate it once.
    private func rotate(_ descriptor: inout Int32) {
        guard flock(descriptor, LOCK_EX) == 0 else { return }
        if isStillAtPath(descriptor) { rename(url.path, url.path + ".1") }
        flock(descriptor, LOCK_UN)
        reopenIfRotatedElsewhere(&descriptor)
    }

    /// Another process (or this one) renamed the file: lines go to the new `parley.log` from now on.
    private func reopenIfRotatedElsewhere(_ descriptor: inout Int32) {
        guard !isStillAtPath(descriptor), let reopened = try? Self.open(url) else { return }
        close(descriptor)
        descriptor = reopened
    }

    private func isStillAtPath(_ descriptor: Int32) -> Bool {
        var open = stat()
        var named = stat()
        guard fstat(descriptor, &open) == 0, stat(url.path, &named) == 0 else { return false }
        return open.st_dev == named.st_dev && open.st_ino == named.st_ino
    }

    private static func open(_ url: URL) throws(ConfigError) -> Int32 {
        let descriptor = Glibc.open(url.path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            throw .unwritableLog(path: url.path, reason: String(cString: strerror(errno)))
        }
        // A log Parley made earlier with a looser mode is made private again: it names users and rooms.
        var info = stat()
        if fstat(descriptor, &info) == 0, info.st_mode & 0o077 != 0 { fchmod(descriptor, 0o600) }
        return descriptor
    }
}
