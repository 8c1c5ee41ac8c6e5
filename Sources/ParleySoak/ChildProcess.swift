import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A `parley` process the soak started: its output in files, its end seen without blocking, and killed at
/// once (SIGKILL, as `kill -9`) when the chaos loop says so.
final class ChildProcess {
    let pid: pid_t
    let errorFile: URL
    /// How it ended, once it has: the exit code, or 128 + the signal.
    private(set) var status: Int32?

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// Starts `executable` with `arguments`, standard input empty, output and errors into `logPrefix`.out/.err.
    init(_ executable: String, arguments: [String], logPrefix: URL) throws {
        errorFile = logPrefix.appendingPathExtension("err")
        let outputFile = logPrefix.appendingPathExtension("out")
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outputFile.path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, errorFile.path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        // The soak's own blocked signals must not be the child's.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK))
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = ProcessInfo.processInfo.environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { for pointer in argv + envp { free(pointer) } }
        var pid: pid_t = 0
        let result = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
        guard result == 0 else {
            throw Failure(description: "cannot start \(executable): \(String(cString: strerror(result)))")
        }
        self.pid = pid
    }

    /// Whether it has ended; reaps it if so.
    var hasEnded: Bool {
        if status != nil { return true }
        var raw: Int32 = 0
        guard waitpid(pid, &raw, WNOHANG) == pid else { return false }
        // WIFEXITED / WEXITSTATUS are macros Swift does not import.
        status = raw & 0x7f == 0 ? (raw >> 8) & 0xff : 128 + (raw & 0x7f)
        return true
    }

    /// Kills it with SIGKILL and waits until it is gone.
    func kill9() {
        guard !hasEnded else { return }
        kill(pid, SIGKILL)
        var raw: Int32 = 0
        while waitpid(pid, &raw, 0) < 0 && errno == EINTR {}
        status = 128 + SIGKILL
    }

    /// Waits until it ends by itself, for at most `limit`; kills it after that.
    @discardableResult
    func wait(atMost limit: Duration) -> Int32 {
        let deadline = ContinuousClock.now + limit
        while !hasEnded && ContinuousClock.now < deadline { usleep(20_000) }
        if !hasEnded { kill9() }
        return status ?? -1
    }

    /// The last lines it wrote to standard error: why a script failed.
    var errorTail: String {
        let text = (try? String(contentsOf: errorFile, encoding: .utf8)) ?? ""
        return text.split(separator: "\n").suffix(12).joined(separator: "\n")
    }
}
