import Dispatch
import Foundation
import ParleyContracts
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// A player program running as a child process, its standard streams on /dev/null.
///
/// Spawned with posix_spawn rather than Foundation's `Process`: a child inherits the signal mask of the
/// thread that starts it, and Swift's worker threads block nearly every signal, so a player started by
/// `Process` from a task ignores the SIGTERM that should stop it. Here the child gets an empty mask and
/// default signal handlers.
final class PlayerProcess: PlayingSound {
    let playerName: String
    private let pid: pid_t
    private let ended = ExitSignal()

    init(executable: String, name: String, arguments: [String]) throws(SpawnError) {
        playerName = name
        pid = try Self.spawn(executable, arguments: [name] + arguments)
        let (pid, ended) = (pid, ended)
        // One blocked thread per playing sound, and only one sound plays at a time.
        DispatchQueue.global(qos: .utility).async {
            // Wait without reaping, then reap while holding the signal's lock: `stop` signals under the same
            // lock, so it can never hit a process id the system has already handed to someone else.
            var info = siginfo_t()
            while waitid(P_PID, id_t(pid), &info, WEXITED | WNOWAIT) < 0, errno == EINTR {}
            ended.signal {
                var status: Int32 = 0
                while waitpid(pid, &status, 0) < 0, errno == EINTR {}
                let signal = status & 0x7F
                let code = (status >> 8) & 0xFF
                if signal == 0, code == 0 { return .finished }
                return .failed(
                    reason: signal == 0
                        ? "\(name) stopped with status \(code)" : "\(name) was ended by signal \(signal)")
            }
        }
    }

    func stop() {
        ended.unlessEnded {
            _ = kill(pid, SIGTERM)
            // A paused player would not act on SIGTERM until continued.
            _ = kill(pid, SIGCONT)
        }
    }

    /// The player's process is stopped and continued, so any player pauses, whether or not it has a way to.
    func setPaused(_ paused: Bool) { ended.unlessEnded { _ = kill(pid, paused ? SIGSTOP : SIGCONT) } }

    func waitUntilEnded() async -> PlayerExit { await ended.wait() }

    struct SpawnError: Error, CustomStringConvertible {
        let description: String
    }

    private static func spawn(_ executable: String, arguments: [String]) throws(SpawnError) -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        for descriptor: Int32 in 0...2 {
            posix_spawn_file_actions_addopen(
                &actions, descriptor, "/dev/null", descriptor == 0 ? O_RDONLY : O_WRONLY, 0)
        }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t()
        var allSignals = sigset_t()
        sigemptyset(&noSignals)
        sigfillset(&allSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        posix_spawnattr_setsigdefault(&attributes, &allSignals)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        let argv = arguments.map { strdup($0) } + [nil]
        defer { for argument in argv { free(argument) } }
        var pid: pid_t = 0
        let result = posix_spawn(&pid, executable, &actions, &attributes, argv, environ)
        guard result == 0 else { throw SpawnError(description: String(cString: strerror(result))) }
        return pid
    }
}

/// How a process ended, for any number of waiters, whether they come before or after the end.
final class ExitSignal: Sendable {
    private let state = Mutex<(exit: PlayerExit?, waiters: [CheckedContinuation<PlayerExit, Never>])>((nil, []))

    /// Runs `body` only while the process has not been reaped, holding the lock that reaping takes.
    func unlessEnded(_ body: () -> Void) {
        state.withLock { state in if state.exit == nil { body() } }
    }

    /// Records the end that `reap` (run under the lock) reports, and wakes the waiters.
    func signal(_ reap: () -> PlayerExit) {
        let (exit, waiters) = state.withLock { state in
            let exit = reap()
            state.exit = exit
            defer { state.waiters.removeAll() }
            return (exit, state.waiters)
        }
        for waiter in waiters { waiter.resume(returning: exit) }
    }

    func wait() async -> PlayerExit {
        await withCheckedContinuation { continuation in
            let exit = state.withLock { state in
                if state.exit == nil { state.waiters.append(continuation) }
                return state.exit
            }
            if let exit { continuation.resume(returning: exit) }
        }
    }
}
