import Foundation
import GRDB
import ParleyTestKit

#if canImport(Glibc)
    import Glibc
#endif

/// What the `parley` processes of a test left in their data directory, read as the next process would.
struct ParleyDataFiles {
    let directory: TemporaryDirectory

    /// The texts stored in `room`, in the order the messaging service stored them.
    func stored(in room: String = "#general") throws -> [String] {
        try open("messages.sqlite").read { db in
            try String.fetchAll(
                db,
                sql: """
                    SELECT m.text FROM messages m JOIN rooms r ON r.id = m.roomID
                    WHERE r.name = ? ORDER BY m.sequence
                    """, arguments: [room])
        }
    }

    /// How many messages wait in `user`'s outbox, whichever instance wrote them.
    func outboxCount(of user: String) throws -> Int {
        try open("client.sqlite").read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM outbox WHERE user = ?", arguments: [user]) ?? 0
        }
    }

    /// The texts waiting in `user`'s outbox (each item is JSON with a `text` field), in their order.
    func outboxTexts(of user: String) throws -> [String] {
        let items = try open("client.sqlite").read { db in
            try Data.fetchAll(db, sql: "SELECT item FROM outbox WHERE user = ? ORDER BY position", arguments: [user])
        }
        return items.compactMap { item in
            (try? JSONSerialization.jsonObject(with: item) as? [String: Any])?["text"] as? String
        }
    }

    private func open(_ name: String) throws -> DatabaseQueue {
        // Another process may be finishing a write: wait for it rather than fail.
        var configuration = Configuration()
        configuration.busyMode = .timeout(30)
        return try DatabaseQueue(path: directory.dataDirectory.file(name).path, configuration: configuration)
    }
}

extension TmuxSession {
    /// The process id of the program the terminal runs (the child of the shell tmux started for it).
    func programID() -> pid_t? {
        let shell =
            (try? runCommand(
                URL(fileURLWithPath: "/usr/bin/tmux"), ["-L", socket, "display", "-p", "-t", "main", "#{pane_pid}"]))
            .flatMap { pid_t($0.output.trimmingCharacters(in: .whitespacesAndNewlines)) }
        guard let shell else { return nil }
        let processes = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        for entry in processes {
            guard let pid = pid_t(entry),
                let stat = try? String(contentsOfFile: "/proc/\(entry)/stat", encoding: .utf8)
            else { continue }
            // The fields after the command name, which is in parentheses and may hold spaces: state, then ppid.
            let fields = stat.split(separator: ")").last?.split(separator: " ") ?? []
            if fields.count > 1, pid_t(fields[1]) == shell { return pid }
        }
        return nil
    }

    /// Ends the program at once, as `kill -9` does: no quit, no cleanup.
    func killProgram() -> Bool {
        guard let pid = programID() else { return false }
        return Glibc.kill(pid, SIGKILL) == 0
    }
}
