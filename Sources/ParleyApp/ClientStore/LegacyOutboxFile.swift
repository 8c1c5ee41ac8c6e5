import Foundation
import ParleyCore
import ParleyStorage

/// A user's outbox as earlier versions kept it: `outbox/NAME.json` in the data directory, the whole list
/// rewritten at every change (which lost messages when one user ran two instances). Read once at sign-in,
/// its messages move into `client.sqlite` and the file is removed.
struct LegacyOutboxFile {
    let url: URL

    /// User names are `a-z 0-9 _ -` (the account service refuses others), so they are safe as file names.
    init(directory: DataDirectory, user: String) {
        url = directory.url.appendingPathComponent("outbox", isDirectory: true)
            .appendingPathComponent("\(user).json", isDirectory: false)
    }

    /// The messages the file holds, oldest first; none if there is no file.
    func messages() throws(ClientStoreError) -> [PendingMessage] {
        guard FileManager.default.fileExists(atPath: url.path) else { return [] }
        do {
            return try JSONDecoder().decode([PendingMessage].self, from: Data(contentsOf: url))
        } catch {
            throw .unreadableLegacyOutbox(path: url.path)
        }
    }

    /// Removes the file once its messages are safe elsewhere.
    func remove() {
        try? FileManager.default.removeItem(at: url)
    }
}
