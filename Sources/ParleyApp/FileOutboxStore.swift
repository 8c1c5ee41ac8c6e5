import Foundation
import ParleyCore
import ParleyStorage

/// Each user's outbox as a small JSON file, `outbox/NAME.json` in the data directory, private to its owner.
/// A save writes a new file and renames it over the old one, so a crash leaves the old outbox or the new one,
/// never half of either.
struct FileOutboxStore: OutboxStore {
    let dataDirectory: DataDirectory

    func load(user: String) throws -> [PendingMessage] {
        let url = file(of: user)
        guard FileManager.default.fileExists(atPath: url.path) else { return [] }
        do {
            return try JSONDecoder().decode([PendingMessage].self, from: Data(contentsOf: url))
        } catch {
            throw StorageError.failed(
                path: url.path, reason: "it is not an outbox Parley wrote; move it aside to start an empty one")
        }
    }

    func save(_ messages: [PendingMessage], user: String) throws {
        let directory = try dataDirectory.prepare(subdirectory: "outbox")
        let url = file(of: user)
        let draft = directory.appendingPathComponent(".\(user).\(UUID().uuidString.prefix(8)).json")
        guard try PrivateFile.createExclusively(draft, contents: try JSONEncoder().encode(messages)) else {
            throw StorageError.cannotCreateFile(path: draft.path, reason: "another file of that name is there")
        }
        guard rename(draft.path, url.path) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: draft)
            throw StorageError.cannotCreateFile(path: url.path, reason: reason)
        }
    }

    /// User names are `a-z 0-9 _ -` (the account service refuses others), so they are safe as file names.
    private func file(of user: String) -> URL {
        dataDirectory.url.appendingPathComponent("outbox", isDirectory: true)
            .appendingPathComponent("\(user).json", isDirectory: false)
    }
}
