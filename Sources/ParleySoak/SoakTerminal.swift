import ChildProcesses
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The release `parley` on a pseudo-terminal of its own: the soak plays the terminal, typing keys and reading
/// what is drawn (as raw bytes: enough to see a word appear).
final class SoakTerminal {
    let pid: pid_t
    private let master: Int32
    private var received: [UInt8] = []
    private var exited = false

    init(_ executable: String, arguments: [String], width: Int = 100, height: Int = 30) throws {
        var environment = ProcessInfo.processInfo.environment
        environment["TERM"] = "xterm-256color"
        environment["LANG"] = "C.UTF-8"
        (pid, master) = try spawnOnPseudoTerminal(
            executable, arguments: arguments, environment: environment, width: width, height: height)
    }

    /// Writes `text` as typed keys.
    func send(_ text: String) {
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let count = bytes.withUnsafeBytes { write(master, $0.baseAddress, $0.count) }
            if count > 0 { bytes = bytes.dropFirst(count) } else { read(for: .milliseconds(5)) }
        }
    }

    /// Types `text`, then reads until `word` is drawn; fails after 60 s.
    func type(_ text: String, until word: String) throws {
        let start = received.count
        send(text)
        let needle = Array(word.utf8)
        let deadline = ContinuousClock.now + .seconds(60)
        while received[start...].firstRange(of: needle) == nil {
            guard ContinuousClock.now < deadline else {
                throw ChildProcess.Failure(description: "parley did not draw \"\(word)\" within 60 s")
            }
            read(for: .milliseconds(10))
        }
    }

    /// Reads whatever comes for `duration`.
    func idle(for duration: Duration) {
        let deadline = ContinuousClock.now + duration
        while ContinuousClock.now < deadline { read(for: .milliseconds(10)) }
    }

    /// Reads (so the program never blocks on a full terminal) until it ends; false if it has not within `limit`.
    func waitForExit(within limit: Duration) -> Bool {
        let deadline = ContinuousClock.now + limit
        while ContinuousClock.now < deadline {
            var status: Int32 = 0
            if waitpid(pid, &status, WNOHANG) == pid {
                exited = true
                return true
            }
            read(for: .milliseconds(1))
        }
        return false
    }

    /// Kills the program if it still runs, and closes the terminal.
    func end() {
        if !exited {
            kill(pid, SIGKILL)
            var status: Int32 = 0
            waitpid(pid, &status, 0)
        }
        close(master)
    }

    private func read(for timeout: Duration) {
        var descriptor = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
        let milliseconds = Int32(
            timeout.components.seconds * 1000 + timeout.components.attoseconds / 1_000_000_000_000_000)
        guard poll(&descriptor, 1, max(1, milliseconds)) > 0 else { return }
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        let count = buffer.withUnsafeMutableBytes { Glibc.read(master, $0.baseAddress, $0.count) }
        if count > 0 { received += buffer[..<count] }
    }
}
