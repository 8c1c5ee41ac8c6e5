import Foundation

/// Where a soak keeps its files: the shared data directory, the settings, the scripts, their output and the
/// snapshots that are the senders' logs. Removed at the end unless the run failed.
struct SoakWorkspace {
    let root: URL
    let parley: String

    var data: URL { root.appendingPathComponent("data", isDirectory: true) }
    var settings: URL { root.appendingPathComponent("settings.toml") }

    init(parley: String) throws {
        self.parley = parley
        root = FileManager.default.temporaryDirectory.appendingPathComponent("parley-soak-\(UUID().uuidString)")
        for folder in ["scripts", "logs", "snapshots"] {
            try FileManager.default.createDirectory(
                at: root.appendingPathComponent(folder), withIntermediateDirectories: true)
        }
        // A fast password hash: a sign-in is a database write, not a second of hashing on a busy machine.
        try Data("[account]\npassword_cost = \"fast\"\n".utf8).write(to: settings)
    }

    func snapshots(of lane: String) -> URL {
        root.appendingPathComponent("snapshots", isDirectory: true).appendingPathComponent(lane, isDirectory: true)
    }

    /// Starts `parley script` on `text`, on the shared data directory, its snapshots in `snapshotsOf`'s folder.
    func runScript(_ text: String, named name: String, snapshotsOf lane: String) throws -> ChildProcess {
        let file = root.appendingPathComponent("scripts/\(name).scenario")
        try Data(text.utf8).write(to: file)
        return try ChildProcess(
            parley,
            arguments: [
                "script", file.path, "--data", data.path, "--config", settings.path, "--output",
                snapshots(of: lane).path,
            ],
            logPrefix: root.appendingPathComponent("logs/\(name)"))
    }

    /// Runs a script to its end (bounded by `limit`), failing with what it printed if it does not pass.
    func runToEnd(_ text: String, named name: String, within limit: Duration) throws {
        let process = try runScript(text, named: name, snapshotsOf: name)
        let status = process.wait(atMost: limit)
        guard status == 0 else {
            throw ChildProcess.Failure(description: "the \(name) script exited \(status):\n\(process.errorTail)")
        }
    }

    func remove() { try? FileManager.default.removeItem(at: root) }
}
