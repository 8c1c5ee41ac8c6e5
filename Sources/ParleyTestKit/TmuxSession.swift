import Foundation

/// A program running in a real terminal: a detached tmux session on a tmux server of its own, so tests
/// never meet each other's sessions. Keys go in with `send-keys`; the screen comes out with `capture-pane`.
public final class TmuxSession: Sendable {
    public let socket: String
    /// Where the wrapped command's exit status lands when it ends.
    private let statusFile: URL
    private static let tmux = URL(fileURLWithPath: "/usr/bin/tmux")

    /// Starts `command` (one shell command line) in a `width` x `height` terminal.
    public init(_ command: String, width: Int = 100, height: Int = 30) throws {
        socket = "parley-test-\(UUID().uuidString.prefix(8))"
        statusFile = FileManager.default.temporaryDirectory.appendingPathComponent("\(socket).status")
        let wrapped = "\(command); echo $? > \(statusFile.path)"
        let result = try runCommand(
            Self.tmux,
            [
                "-L", socket, "-f", "/dev/null", "new-session", "-d", "-s", "main", "-x", "\(width)", "-y",
                "\(height)", wrapped,
            ])
        guard result.status == 0 else { throw TmuxError(message: result.errorOutput) }
    }

    /// The screen as text, one line per row.
    public func screen() -> String {
        (try? runCommand(Self.tmux, ["-L", socket, "capture-pane", "-p", "-t", "main"]).output) ?? ""
    }

    /// Sends tmux key names (`Enter`, `F12`, `Space`, `C-n`, `M-1`) or literal text with `literal`.
    public func send(_ keys: String..., literal: Bool = false) {
        _ = try? runCommand(Self.tmux, ["-L", socket, "send-keys", "-t", "main"] + (literal ? ["-l"] : []) + keys)
    }

    /// Pastes `text` as a terminal pastes it: bracketed, when the program asked for that, line ends as CR.
    public func paste(_ text: String) {
        _ = try? runCommand(Self.tmux, ["-L", socket, "set-buffer", "-b", "pasted", text])
        _ = try? runCommand(Self.tmux, ["-L", socket, "paste-buffer", "-p", "-d", "-b", "pasted", "-t", "main"])
    }

    /// Whether the program in the terminal has exited.
    public var hasExited: Bool { exitStatus != nil }

    /// The exit status of the program, once it has exited.
    public var exitStatus: Int32? {
        (try? String(contentsOf: statusFile, encoding: .utf8))
            .flatMap { Int32($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
    }

    /// Waits until `text` is on the screen; returns false (with the screen to show) if it never comes.
    public func waitFor(_ text: String, timeout: Duration = .seconds(15)) async -> Bool {
        await eventually(timeout: timeout) { self.screen().contains(text) }
    }

    /// Ends the session and its tmux server.
    public func kill() {
        _ = try? runCommand(Self.tmux, ["-L", socket, "kill-server"])
        try? FileManager.default.removeItem(at: statusFile)
    }
}

public struct TmuxError: Error, CustomStringConvertible {
    public let message: String
    public var description: String { "tmux could not start the session: \(message)" }
}
