import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The few POSIX calls the service needs, with errors as the system's own sentence ("Permission denied").
enum FileSystem {
    struct Failure: Error, Sendable {
        let code: Int32
        var reason: String { String(cString: strerror(code)) }

        static var current: Failure { Failure(code: errno) }
    }

    /// What `stat` says of a path, following symbolic links.
    struct Status: Sendable {
        let mode: mode_t
        let size: Int64
        var isDirectory: Bool { mode & S_IFMT == S_IFDIR }
        var isRegularFile: Bool { mode & S_IFMT == S_IFREG }
    }

    static func status(of path: String) -> Result<Status, Failure> {
        var info = stat()
        guard stat(path, &info) == 0 else { return .failure(.current) }
        return .success(Status(mode: info.st_mode, size: Int64(info.st_size)))
    }

    static func status(of descriptor: Int32) -> Result<Status, Failure> {
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return .failure(.current) }
        return .success(Status(mode: info.st_mode, size: Int64(info.st_size)))
    }

    /// Opens `path` for reading. O_NONBLOCK keeps a FIFO swapped in after the caller's check from hanging us.
    static func openForReading(_ path: String) -> Result<Int32, Failure> {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        return descriptor >= 0 ? .success(descriptor) : .failure(.current)
    }

    /// Creates `path`, which must not exist, for writing (and reading too, if `readable`); `mode` is narrowed
    /// by the umask like any new file.
    static func createExclusively(_ path: String, mode: mode_t, readable: Bool = false) -> Result<Int32, Failure> {
        let descriptor = open(path, O_CREAT | O_EXCL | (readable ? O_RDWR : O_WRONLY) | O_CLOEXEC, mode)
        return descriptor >= 0 ? .success(descriptor) : .failure(.current)
    }

    /// Takes an exclusive advisory lock, waiting for it unless `wait` is false; the lock goes with the
    /// descriptor, so a process that dies releases it.
    static func lock(_ descriptor: Int32, wait: Bool = true) -> Bool {
        flock(descriptor, LOCK_EX | (wait ? 0 : LOCK_NB)) == 0
    }

    static func move(_ source: String, to destination: String) -> Result<Void, Failure> {
        rename(source, destination) == 0 ? .success(()) : .failure(.current)
    }

    /// Gives `source` the name `destination` only if that name is free: `link` fails atomically with EEXIST.
    static func hardLink(_ source: String, to destination: String) -> Result<Void, Failure> {
        link(source, destination) == 0 ? .success(()) : .failure(.current)
    }

    static func remove(_ path: String) { unlink(path) }

    static func closeFile(_ descriptor: Int32) { _ = close(descriptor) }

    /// Names in `directory`, or none if it cannot be listed.
    static func names(in directory: URL) -> [String] {
        (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
    }
}

extension FileSystem {
    /// Opens `path` for locking, creating it (0600) if needed; -1 if that fails.
    static func createOrOpen(_ path: String) -> Int32 {
        open(path, O_CREAT | O_RDWR | O_CLOEXEC, 0o600)
    }
}
