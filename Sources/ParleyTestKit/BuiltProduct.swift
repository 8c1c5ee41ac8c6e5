import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// An executable SwiftPM built beside the test bundle, such as `parley`.
public func builtProduct(_ name: String) -> URL {
    let bundle = Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0])
    // The test bundle lives in the build products folder, as `NAME.xctest` (a file on Linux, a folder on macOS).
    var folder = bundle.deletingLastPathComponent()
    while folder.path != "/" && folder.lastPathComponent.hasSuffix(".xctest") { folder.deleteLastPathComponent() }
    return folder.appendingPathComponent(name)
}

/// What a finished command printed and how it exited.
public struct CommandResult: Sendable {
    public var status: Int32
    public var output: String
    public var errorOutput: String
}

/// Runs `executable` with `arguments`, standard input read from `input`, to the end.
///
/// Output goes through files, not pipes, and the child is reaped with `waitpid`: a command that leaves a
/// daemon behind (as `tmux new-session` does) can never keep the caller waiting for an end-of-file.
public func runCommand(
    _ executable: URL, _ arguments: [String], input: String = "", environment: [String: String]? = nil
) throws -> CommandResult {
    let scratch = TemporaryDirectory("command")
    defer { scratch.remove() }
    let (inputFile, outputFile, errorFile) = (scratch.file("in"), scratch.file("out"), scratch.file("err"))
    try Data(input.utf8).write(to: inputFile)
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, inputFile.path, O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, outputFile.path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    posix_spawn_file_actions_addopen(&actions, 2, errorFile.path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    let environmentLines = (environment ?? ProcessInfo.processInfo.environment).map { "\($0.key)=\($0.value)" }
    let argv = ([executable.path] + arguments).map { strdup($0) } + [nil]
    let envp = environmentLines.map { strdup($0) } + [nil]
    defer { for pointer in argv + envp { free(pointer) } }
    // A spawned program inherits the calling thread's blocked signals, and the test runner's threads block
    // many: a tmux server started with SIGTERM blocked never obeys `kill-server`, and outlives the tests.
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
    var pid: pid_t = 0
    let spawned = posix_spawn(&pid, executable.path, &actions, &attributes, argv, envp)
    guard spawned == 0 else { throw CommandError(command: executable.path, code: spawned) }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    // WIFEXITED / WEXITSTATUS are macros Swift does not import.
    let exited = status & 0x7f == 0
    return CommandResult(
        status: exited ? (status >> 8) & 0xff : 128 + (status & 0x7f),
        output: (try? String(contentsOf: outputFile, encoding: .utf8)) ?? "",
        errorOutput: (try? String(contentsOf: errorFile, encoding: .utf8)) ?? "")
}

/// A command that could not be started at all.
public struct CommandError: Error, CustomStringConvertible {
    public let command: String
    public let code: Int32
    public var description: String { "cannot run \(command): \(String(cString: strerror(code)))" }
}
