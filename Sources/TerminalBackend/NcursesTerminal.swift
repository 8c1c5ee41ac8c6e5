import CNcurses
import Foundation
import ParleyContracts
import ParleyViews
import Synchronization

/// The terminal: blits frames of cells with ncurses and reports keys, mouse, and size changes.
///
/// ncurses is not thread-safe, so one dedicated thread (never the main thread) owns it: the thread sleeps
/// in `poll` on the terminal and a wake-up pipe, reads every waiting input when the terminal speaks, and
/// draws the newest frame when woken. A size change writes to the same pipe (from the SIGWINCH handler),
/// so the thread sleeps without a timeout: an idle terminal never wakes the process.
public final class NcursesTerminal: Sendable {
    private struct Shared {
        var frame: CellGrid?
        /// Bells asked for and not yet rung.
        var bells = 0
        var stopping = false
        var finished = false
        var finishWaiters: [CheckedContinuation<Void, Never>] = []
    }

    private let shared = Mutex(Shared())
    private let wakeRead: Int32
    private let wakeWrite: Int32
    /// The size when the terminal started; later sizes arrive as `.resize` inputs.
    public let width: Int
    public let height: Int
    /// The colours the views and previews use here: the user's setting, resolved for this terminal.
    public let palette: Palette

    /// Starts ncurses on this process's terminal and a thread that reads it.
    /// - Parameters:
    ///   - colors: the user's setting; `palette` is what it comes to on this terminal.
    ///   - onInput: called on the terminal's thread for every input; it must hand off, not work.
    public init(colors: ColorChoice, onInput: @escaping @Sendable (TerminalInput) -> Void) throws(TerminalError) {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else { throw .notATerminal }
        var fds: [Int32] = [0, 0]
        guard pipe(&fds) == 0 else { throw .cannotStart(reason: String(cString: strerror(errno))) }
        // Both ends non-blocking: the signal handler must never block on a full pipe.
        _ = fcntl(fds[0], F_SETFL, O_NONBLOCK)
        _ = fcntl(fds[1], F_SETFL, O_NONBLOCK)
        let terminalColors = Int(parley_curses_start())
        guard terminalColors >= 0 else {
            close(fds[0])
            close(fds[1])
            throw .cannotStart(
                reason: "ncurses does not know this terminal (TERM=\(getenv("TERM").map { String(cString: $0) } ?? ""))"
            )
        }
        (wakeRead, wakeWrite) = (fds[0], fds[1])
        parley_watch_resize(fds[1])
        width = Int(parley_screen_width())
        height = Int(parley_screen_height())
        palette = colors.palette(terminalColors: terminalColors)
        // `none` (NO_COLOR): every cell in the terminal's own colours, whatever a view or a preview asked.
        let mapper = ColorMapper(colorCount: colors.showsColors ? palette.colorCount : 0)
        let thread = Thread { [self] in self.run(colors: mapper, onInput: onInput) }
        thread.name = "parley-terminal"
        thread.start()
    }

    /// Draws `grid` as soon as the terminal's thread is free; a newer frame replaces one not yet drawn.
    public func present(_ grid: CellGrid) {
        shared.withLock { $0.frame = grid }
        wake()
    }

    /// Restores the terminal and waits until the terminal's thread has let go of it.
    public func stop() async {
        shared.withLock { $0.stopping = true }
        wake()
        await withCheckedContinuation { continuation in
            let done = shared.withLock { shared in
                if !shared.finished { shared.finishWaiters.append(continuation) }
                return shared.finished
            }
            if done { continuation.resume() }
        }
    }

    /// Rings the terminal bell once, from the terminal's thread (ncurses is not thread-safe).
    public func ringBell() {
        shared.withLock { $0.bells += 1 }
        wake()
    }

    private func wake() {
        var byte: UInt8 = 1
        _ = write(wakeWrite, &byte, 1)
    }

    // MARK: - The terminal's thread

    private func run(colors: ColorMapper, onInput: @escaping @Sendable (TerminalInput) -> Void) {
        var reader = InputReader(descriptor: STDIN_FILENO, onInput: onInput)
        var painter = FramePainter(colors: colors)
        var descriptors = [
            pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0),
            pollfd(fd: wakeRead, events: Int16(POLLIN), revents: 0),
        ]
        while true {
            let (frame, bells, stopping) = shared.withLock { shared in
                defer { (shared.frame, shared.bells) = (nil, 0) }
                return (shared.frame, shared.bells, shared.stopping)
            }
            if let frame { painter.paint(frame) }
            // Several alerts between two wake-ups ring once: the bell says "look", not how often.
            if bells > 0 { beep() }
            if stopping { break }
            // No timeout unless an escape sequence waits for its rest: nothing else needs the clock.
            let timeout = reader.isWaitingForEscape ? InputReader.escapeDelayMilliseconds : -1
            let ready = poll(&descriptors, 2, timeout)
            if ready < 0 { continue }  // a signal (a size change, whose byte is now in the pipe)
            if ready == 0 {
                reader.flush()
                continue
            }
            if descriptors[1].revents != 0 {
                drainWakePipe()
                if parley_follow_resize() != 0 {
                    onInput(.resize(width: Int(parley_screen_width()), height: Int(parley_screen_height())))
                }
            }
            let input = descriptors[0].revents
            let terminalGone =
                input & Int16(POLLHUP | POLLERR | POLLNVAL) != 0
                || (input & Int16(POLLIN) != 0 && !reader.readAvailable())
            if terminalGone {
                onInput(.hangup)
                shared.withLock { $0.stopping = true }
            }
        }
        parley_curses_end()
        close(wakeRead)
        close(wakeWrite)
        let waiters = shared.withLock { shared in
            shared.finished = true
            defer { shared.finishWaiters = [] }
            return shared.finishWaiters
        }
        for waiter in waiters { waiter.resume() }
    }

    private func drainWakePipe() {
        var buffer = [UInt8](repeating: 0, count: 64)
        while read(wakeRead, &buffer, buffer.count) > 0 {}
    }
}

/// Why the terminal could not be used.
public enum TerminalError: Error, Sendable, Equatable, CustomStringConvertible {
    case notATerminal
    case cannotStart(reason: String)

    public var description: String {
        switch self {
        case .notATerminal:
            "parley needs a terminal on its standard input and output; to run a scenario without one, use `parley script FILE`"
        case let .cannotStart(reason):
            "cannot start the terminal: \(reason)"
        }
    }
}
