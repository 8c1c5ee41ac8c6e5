import Foundation
import MatrixClient
import ParleyCore
import ParleyStorage

/// Each user's last screen on a homeserver (`OpeningScreen`), one JSON file per server and user under
/// `opening-screens/`, private to its owner (0600). A write goes to a new file that then replaces the old one
/// by a rename, so a reader finds one whole screen or the other, never half of either.
struct OpeningScreenFiles: OpeningScreenStore {
    let dataDirectory: DataDirectory
    let server: Homeserver

    /// `opening-screens/SERVER/`, the server's name made safe as a folder name (as the sessions' folder is).
    private var folderName: String { "opening-screens/" + Self.safe(server.name) }

    func save(_ screen: OpeningScreen) throws {
        let folder = try dataDirectory.prepare(subdirectory: folderName)
        let target = folder.appendingPathComponent(Self.fileName(of: screen.user))
        let draft = folder.appendingPathComponent(".\(UUID().uuidString.prefix(8)).\(Self.fileName(of: screen.user))")
        guard try PrivateFile.createExclusively(draft, contents: try JSONEncoder().encode(screen)) else {
            throw StorageError.cannotCreateFile(path: draft.path, reason: "another file of that name is there")
        }
        guard rename(draft.path, target.path) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: draft)
            throw StorageError.cannotCreateFile(path: target.path, reason: reason)
        }
    }

    /// The screen kept for `user` of `serverName` (the server part of their Matrix id), if one is kept and
    /// is theirs; a missing, unreadable or damaged file, or one another version wrote, is nil.
    func screen(of user: String, server serverName: String?) -> OpeningScreen? {
        let file = dataDirectory.url.appendingPathComponent(folderName, isDirectory: true)
            .appendingPathComponent(Self.fileName(of: user))
        guard let data = try? Data(contentsOf: file),
            let screen = try? JSONDecoder().decode(OpeningScreen.self, from: data),
            screen.belongs(to: user, server: serverName)
        else { return nil }
        return screen
    }

    private static func fileName(of user: String) -> String { safe(user) + ".json" }

    private static func safe(_ name: String) -> String {
        String(name.map { $0.isLetter || $0.isNumber || $0 == "." || $0 == "-" || $0 == "_" ? $0 : "_" })
    }
}
