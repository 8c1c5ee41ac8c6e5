import Foundation
import ParleyStorage
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// Says "this app instance is running" to every other process on the data directory: a lock held on
/// `instances/ID.lock` for as long as the instance lives. The kernel lets go of it when the process ends,
/// however it ends (`kill -9` included), so another instance can tell the outbox rows of a live instance,
/// which that instance will send, from those one that has ended left behind, which it must send itself.
///
/// `flock` locks belong to an open file, not a process: two instances in one process (the scenario runner's
/// sessions) see each other's locks as well.
final class InstanceLock: Sendable {
    static let folder = "instances"

    let id: String
    private let directory: DataDirectory
    /// The open lock file; -1 once released, or if it could not be taken (the instance then counts as ended
    /// to the others, which is safe: they send its rows too, and the messaging service stores an id once).
    private let descriptor: Mutex<Int32>

    /// Takes the lock of instance `id`, creating its file (0600) in `instances/` of the data directory.
    init(id: String, directory: DataDirectory) {
        self.id = id
        self.directory = directory
        var taken: Int32 = -1
        if let folder = try? directory.prepare(subdirectory: Self.folder) {
            // Locked under another name, then renamed: a lock file is never seen unlocked while its instance
            // starts, so one that can be locked belongs to an instance that has ended.
            let starting = folder.appendingPathComponent("\(id).starting").path
            let opened = open(starting, O_CREAT | O_RDWR | O_CLOEXEC, 0o600)
            if opened >= 0, flock(opened, LOCK_EX | LOCK_NB) == 0,
                rename(starting, Self.file(of: id, in: directory)) == 0
            {
                taken = opened
            } else if opened >= 0 {
                unlink(starting)
                close(opened)
            }
        }
        descriptor = Mutex(taken)
    }

    /// Removes the lock files of instances that have ended without removing theirs (killed): those with rows
    /// in the outbox are ended all the same, without a file.
    static func removeEnded(in directory: DataDirectory) {
        let folder = directory.url.appendingPathComponent(Self.folder, isDirectory: true)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        for name in names where name.hasSuffix(".lock") {
            let id = String(name.dropLast(".lock".count))
            if !isRunning(id, in: directory) { removeLeftover(of: id, in: directory) }
        }
    }

    deinit { release() }

    /// Lets go of the lock and removes its file: the instance has ended.
    func release() {
        descriptor.withLock { descriptor in
            guard descriptor >= 0 else { return }
            unlink(Self.file(of: id, in: directory))
            close(descriptor)
            descriptor = -1
        }
    }

    /// Whether the instance `id` is running, in this process or another.
    static func isRunning(_ id: String, in directory: DataDirectory) -> Bool {
        let probe = open(file(of: id, in: directory), O_RDWR | O_CLOEXEC)
        guard probe >= 0 else { return false }  // no file: it ended, or never took its lock
        defer { close(probe) }
        guard flock(probe, LOCK_EX | LOCK_NB) == 0 else { return true }
        flock(probe, LOCK_UN)
        return false
    }

    /// Removes the file an ended instance left (it was killed before it could), once its rows are taken over.
    static func removeLeftover(of id: String, in directory: DataDirectory) {
        unlink(file(of: id, in: directory))
    }

    private static func file(of id: String, in directory: DataDirectory) -> String {
        directory.url.appendingPathComponent(folder, isDirectory: true).appendingPathComponent("\(id).lock").path
    }
}
