import ChildProcesses
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
        pid = try spawn(
            executable, arguments: arguments, environment: ProcessInfo.processInfo.environment,
            streams: .files(input: "/dev/null", output: outputFile.path, error: errorFile.path))
    }

    /// Whether it has ended; reaps it if so.
    var hasEnded: Bool {
        if status != nil { return true }
        var raw: Int32 = 0
        guard waitpid(pid, &raw, WNOHANG) == pid else { return false }
        status = exitCode(fromWaitStatus: raw)
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
