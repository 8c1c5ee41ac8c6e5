import ChildProcesses
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
    let pid: pid_t
    do {
        pid = try spawn(
            executable.path, arguments: arguments, environment: environment ?? ProcessInfo.processInfo.environment,
            streams: .files(input: inputFile.path, output: outputFile.path, error: errorFile.path))
    } catch {
        throw CommandError(description: error.description)
    }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    return CommandResult(
        status: exitCode(fromWaitStatus: status),
        output: (try? String(contentsOf: outputFile, encoding: .utf8)) ?? "",
        errorOutput: (try? String(contentsOf: errorFile, encoding: .utf8)) ?? "")
}

/// A command that could not be started at all.
public struct CommandError: Error, CustomStringConvertible {
    public let description: String
}
