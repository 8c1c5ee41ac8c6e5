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
        var (master, slave): (Int32, Int32) = (0, 0)
        var size = winsize(ws_row: UInt16(height), ws_col: UInt16(width), ws_xpixel: 0, ws_ypixel: 0)
        guard openpty(&master, &slave, nil, nil, &size) == 0 else {
            throw ChildProcess.Failure(
                description: "cannot open a pseudo-terminal: \(String(cString: strerror(errno)))")
        }
        defer { close(slave) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        for descriptor: Int32 in 0...2 { posix_spawn_file_actions_adddup2(&actions, slave, descriptor) }
        posix_spawn_file_actions_addclose(&actions, master)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK))
        var environment = ProcessInfo.processInfo.environment
        environment["TERM"] = "xterm-256color"
        environment["LANG"] = "C.UTF-8"
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { for pointer in argv + envp { free(pointer) } }
        var pid: pid_t = 0
        let result = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
        guard result == 0 else {
            close(master)
            throw ChildProcess.Failure(description: "cannot start \(executable): \(String(cString: strerror(result)))")
        }
        self.pid = pid
        self.master = master
        _ = fcntl(master, F_SETFL, fcntl(master, F_GETFL) | O_NONBLOCK)
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
