import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Where a started program's standard input, output and error go.
public enum StandardStreams: Sendable {
    /// Input read from the file at `input`; output and errors written (truncated, 0600) to files.
    case files(input: String, output: String, error: String)
    /// All three on a terminal: the slave side of a pseudo-terminal, with the master closed in the child.
    case terminal(slave: Int32, master: Int32)
}

/// A program that could not be started.
public struct SpawnError: Error, CustomStringConvertible, Sendable {
    public let description: String
}

/// Starts `executable` with `arguments` and exactly `environment`, its standard streams as `streams` says.
///
/// A spawned program inherits the calling thread's blocked signals and their dispositions, and test runners
/// and benchmarks block many: a child started with SIGTERM blocked never obeys a polite stop. So the child
/// starts with no signal blocked and every signal at its default.
/// - Returns: the child's process id; the caller reaps it (`waitpid`).
public func spawn(
    _ executable: String, arguments: [String], environment: [String: String], streams: StandardStreams
) throws(SpawnError) -> pid_t {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    switch streams {
    case let .files(input, output, error):
        posix_spawn_file_actions_addopen(&actions, 0, input, O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, error, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    case let .terminal(slave, master):
        for descriptor: Int32 in 0...2 { posix_spawn_file_actions_adddup2(&actions, slave, descriptor) }
        posix_spawn_file_actions_addclose(&actions, master)
    }
    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    var noSignals = sigset_t()
    sigemptyset(&noSignals)
    posix_spawnattr_setsigmask(&attributes, &noSignals)
    var allSignals = sigset_t()
    sigfillset(&allSignals)
    posix_spawnattr_setsigdefault(&attributes, &allSignals)
    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
    let argv = ([executable] + arguments).map { strdup($0) } + [nil]
    let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer { for pointer in argv + envp { free(pointer) } }
    var pid: pid_t = 0
    let result = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
    guard result == 0 else {
        throw SpawnError(description: "cannot start \(executable): \(String(cString: strerror(result)))")
    }
    return pid
}

/// How a reaped child ended, from `waitpid`'s status: its exit code, or 128 + the signal that ended it, as
/// shells say it. (WIFEXITED and WEXITSTATUS are macros Swift does not import.)
public func exitCode(fromWaitStatus status: Int32) -> Int32 {
    status & 0x7f == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
}
