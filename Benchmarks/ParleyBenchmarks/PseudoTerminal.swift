import ChildProcesses
import Foundation

/// A program run on a pseudo-terminal of its own, as a person's terminal runs it: the benchmark plays the
/// terminal, writing keys to it and reading what it draws, and reads its CPU time and memory from /proc.
final class PseudoTerminal {
    let pid: pid_t
    private let master: Int32
    /// Everything the program has drawn so far.
    private(set) var received: [UInt8] = []
    /// What the terminal shows now.
    private(set) var screen: TerminalScreen
    private var toSend: [UInt8] = []
    private var sent = 0

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// Starts `executable` on a new `width`x`height` pseudo-terminal with `environment` added to this one's.
    init(_ executable: String, arguments: [String], environment: [String: String], width: Int, height: Int) throws {
        var merged = ProcessInfo.processInfo.environment
        for (key, value) in environment { merged[key] = value }
        (pid, master) = try spawnOnPseudoTerminal(
            executable, arguments: arguments, environment: merged, width: width, height: height)
        screen = TerminalScreen(width: width, height: height)
    }

    /// Queues `bytes` to type; they go as fast as the program reads them, while `pump` runs.
    func send(_ bytes: [UInt8]) { toSend += bytes }

    func send(_ text: String) { send(Array(text.utf8)) }

    /// Reads and writes until `condition` holds for what was received since `from`, or `timeout` passes.
    /// - Returns: how long it took, or nil on timeout.
    @discardableResult
    func pump(from start: Int = 0, timeout: Duration = .seconds(30), until condition: (ArraySlice<UInt8>) -> Bool)
        -> Duration?
    {
        let clock = ContinuousClock()
        let began = clock.now
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while clock.now - began < timeout {
            if condition(received[min(start, received.count)...]) && sent == toSend.count { return clock.now - began }
            var descriptor = pollfd(
                fd: master, events: Int16(POLLIN) | (sent < toSend.count ? Int16(POLLOUT) : 0), revents: 0)
            _ = poll(&descriptor, 1, 10)
            if descriptor.revents & Int16(POLLIN) != 0 {
                let count = buffer.withUnsafeMutableBytes { read(master, $0.baseAddress, $0.count) }
                if count > 0 {
                    received += buffer[..<count]
                    screen.feed(buffer[..<count])
                }
            }
            if sent < toSend.count && descriptor.revents & Int16(POLLOUT) != 0 {
                let count = toSend[sent...].withUnsafeBytes { write(master, $0.baseAddress, min($0.count, 1 << 16)) }
                if count > 0 { sent += count }
            }
        }
        return nil
    }

    /// Waits until `text` has been drawn since `from`.
    @discardableResult
    func pump(from start: Int = 0, timeout: Duration = .seconds(30), untilDrawn text: String) -> Duration? {
        let needle = Array(text.utf8)
        return pump(from: start, timeout: timeout) { $0.firstRange(of: needle) != nil }
    }

    /// Waits until `text` is on the screen: drawn, and not since drawn over.
    @discardableResult
    func pump(timeout: Duration = .seconds(30), untilShown text: String) -> Duration? {
        pump(timeout: timeout) { [unowned self] _ in screen.shows(text) }
    }

    /// Reads for `duration`, whatever comes.
    func idle(for duration: Duration) { pump(timeout: duration) { _ in false } }

    /// CPU time the program has used, in user and system time, threads that have ended included (in clock
    /// ticks, 10 ms here: measure over enough work).
    var cpuTime: Duration {
        let stat = (try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8)) ?? ""
        // The fields after the command name, which is in parentheses and may hold spaces.
        let fields = stat.split(separator: ")").last?.split(separator: " ") ?? []
        guard fields.count > 12, let user = Int64(fields[11]), let system = Int64(fields[12]) else { return .zero }
        return .nanoseconds((user + system) * 1_000_000_000 / Int64(sysconf(Int32(_SC_CLK_TCK))))
    }

    /// How often each of the program's threads now running has gone to sleep and been woken (voluntary
    /// context switches), by thread id. A thread that has ended is no longer listed, with its count.
    var threadWakeUps: [String: Int] {
        let tasks = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/\(pid)/task")) ?? []
        var counts: [String: Int] = [:]
        for task in tasks {
            guard let status = try? String(contentsOfFile: "/proc/\(pid)/task/\(task)/status", encoding: .utf8),
                let line = status.split(separator: "\n").first(where: { $0.hasPrefix("voluntary_ctxt_switches") }),
                let count = Int(line.split(separator: "\t").last ?? "")
            else { continue }
            counts[task] = count
        }
        return counts
    }

    /// Resident memory in MB.
    var residentMegabytes: Double {
        let status = (try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8)) ?? ""
        let line = status.split(separator: "\n").first { $0.hasPrefix("VmRSS:") } ?? ""
        let kilobytes = Double(line.split(separator: " ").dropFirst().first ?? "") ?? 0
        return kilobytes / 1024
    }

    /// Ends the program: Ctrl-Q, then a kill if it is still there after a while.
    func stop() {
        send([17])
        let clock = ContinuousClock()
        let began = clock.now
        var status: Int32 = 0
        while waitpid(pid, &status, WNOHANG) == 0 {
            if clock.now - began > .seconds(5) {
                kill(pid, SIGKILL)
                waitpid(pid, &status, 0)
                break
            }
            pump(timeout: .milliseconds(20)) { _ in false }
        }
        close(master)
    }
}
