import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Tells when a SQLite database in a data directory may have changed, whichever process changed it, without
/// costing an idle process any CPU.
///
/// A thread of its own sleeps in `poll` on an inotify watch of the directory, and wakes the stream when the
/// database file or its `-wal` is written. Bursts are coalesced: the stream holds at most one pending tick.
/// Because a writer updates the WAL index (`-shm`, shared memory that inotify cannot see) just after its last
/// WAL write, a reader woken by that write could look a moment too early; so every burst is followed by one
/// more tick after `settleDelay`. A slow tick every `safetyInterval` covers anything else inotify might miss
/// (an overflowed event queue, a file system without notifications); slow, because it wakes an idle process.
public struct DatabaseChangeWatcher: Sendable {
    public let directory: DataDirectory
    public let fileName: String
    public let safetyInterval: Duration
    public let settleDelay: Duration

    /// Where inotify is not available, the thread checks this often instead.
    static let fallbackInterval: Duration = .milliseconds(50)

    public init(
        directory: DataDirectory, fileName: String, safetyInterval: Duration = .seconds(10),
        settleDelay: Duration = .milliseconds(10)
    ) {
        self.directory = directory
        self.fileName = fileName
        self.safetyInterval = safetyInterval
        self.settleDelay = settleDelay
    }

    /// A tick whenever the database may have changed; the watching thread ends when the consumer stops
    /// iterating (for instance because its task was cancelled).
    public func changes() throws(StorageError) -> AsyncStream<Void> {
        var stopPipe: [Int32] = [-1, -1]
        guard pipe(&stopPipe) == 0 else {
            throw .failed(path: directory.path, reason: "cannot watch for changes: \(String(cString: strerror(errno)))")
        }
        let notifications = Self.watch(directory.path)
        let (stream, continuation) = AsyncStream<Void>.makeStream(bufferingPolicy: .bufferingNewest(1))
        let loop = WatchLoop(
            notifications: notifications, stop: stopPipe[0], names: [fileName, fileName + "-wal"],
            safetyInterval: safetyInterval, settleDelay: settleDelay, fallbackInterval: Self.fallbackInterval)
        let stopWriter = stopPipe[1]
        continuation.onTermination = { _ in
            // The loop closes both ends of the pipe only after reading this byte, so the descriptor is still ours.
            var byte: UInt8 = 1
            _ = write(stopWriter, &byte, 1)
        }
        let thread = Thread {
            loop.run { continuation.yield() }
            close(stopWriter)
        }
        thread.name = "watch \(fileName)"
        thread.start()
        return stream
    }

    /// An inotify descriptor watching `path` for writes, or -1 where that is not possible.
    private static func watch(_ path: String) -> Int32 {
        let descriptor = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard descriptor >= 0 else { return -1 }
        let mask = UInt32(IN_MODIFY | IN_CREATE | IN_MOVED_TO | IN_CLOSE_WRITE)
        guard inotify_add_watch(descriptor, path, mask) >= 0 else {
            close(descriptor)
            return -1
        }
        return descriptor
    }
}

// MARK: - The watching thread

/// The blocking half of `DatabaseChangeWatcher`: runs on its own thread until a byte arrives on `stop`.
private struct WatchLoop: Sendable {
    /// The inotify descriptor, or -1 to fall back to checking every `fallbackInterval`.
    let notifications: Int32
    let stop: Int32
    /// The file names in the watched directory whose writes count.
    let names: Set<String>
    let safetyInterval: Duration
    let settleDelay: Duration
    let fallbackInterval: Duration

    func run(tick: () -> Void) {
        defer {
            if notifications >= 0 { close(notifications) }
            close(stop)
        }
        var settling = false
        while true {
            let timeout =
                notifications < 0 ? fallbackInterval : settling ? settleDelay : safetyInterval
            var descriptors = [
                pollfd(fd: stop, events: Int16(POLLIN), revents: 0),
                pollfd(fd: notifications, events: Int16(POLLIN), revents: 0),
            ]
            let ready = poll(&descriptors, notifications < 0 ? 1 : 2, Self.milliseconds(timeout))
            if ready < 0 {
                if errno != EINTR { usleep(UInt32(Self.milliseconds(fallbackInterval)) * 1_000) }
                continue
            }
            if descriptors[0].revents != 0 { return }
            if ready == 0 {
                settling = false
                tick()
            } else if descriptors[1].revents != 0, drainNotifications() {
                settling = true
                tick()
            }
        }
    }

    /// Reads every queued notification; true if any concerns one of `names` (or some were lost).
    private func drainNotifications() -> Bool {
        var relevant = false
        var buffer = [UInt8](repeating: 0, count: 8192)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(notifications, $0.baseAddress, $0.count) }
            guard count > 0 else { return relevant }
            buffer.withUnsafeBytes { bytes in
                // Each record: wd (4 bytes), mask (4), cookie (4), len (4), then a NUL-padded name of len bytes.
                var offset = 0
                while offset + 16 <= count {
                    let mask = bytes.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self)
                    let length = Int(bytes.loadUnaligned(fromByteOffset: offset + 12, as: UInt32.self))
                    let nameBytes = bytes[(offset + 16)..<min(offset + 16 + length, count)].prefix { $0 != 0 }
                    if mask & UInt32(IN_Q_OVERFLOW) != 0 || names.contains(String(decoding: nameBytes, as: UTF8.self)) {
                        relevant = true
                    }
                    offset += 16 + length
                }
            }
        }
    }

    private static func milliseconds(_ duration: Duration) -> Int32 {
        let (seconds, attoseconds) = duration.components
        return Int32(clamping: seconds * 1_000 + attoseconds / 1_000_000_000_000_000)
    }
}
