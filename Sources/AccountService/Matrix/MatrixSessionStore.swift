import Foundation
import MatrixClient
import ParleyStorage

/// The homeserver sessions this data directory keeps: one JSON file per server and user under
/// `matrix-sessions/`, private to its owner (0600), holding the access token, the device id and the display
/// name, so the next start signs in without a password.
struct MatrixSessionStore: Sendable {
    /// What is kept of one session.
    struct Stored: Codable, Equatable, Sendable {
        var session: MatrixClient.Session
        var displayName: String
    }

    let dataDirectory: DataDirectory
    let server: Homeserver

    /// `matrix-sessions/SERVER/`, the server's name made safe as a folder name.
    private var folderName: String {
        "matrix-sessions/" + String(server.name.map { $0.isLetter || $0.isNumber || $0 == "." ? $0 : "_" })
    }

    func save(_ stored: Stored, localpart: String) throws(StorageError) {
        let folder = try dataDirectory.prepare(subdirectory: folderName)
        let target = folder.appendingPathComponent("\(localpart).json")
        let draft = folder.appendingPathComponent(".\(localpart).\(UUID().uuidString.prefix(8)).json")
        let data: Data
        do {
            data = try JSONEncoder().encode(stored)
        } catch {
            throw .cannotCreateFile(path: target.path, reason: "the session could not be encoded")
        }
        guard try PrivateFile.createExclusively(draft, contents: data) else {
            throw .cannotCreateFile(path: draft.path, reason: "another file of that name is there")
        }
        // A rename: a crash leaves the old session or the new one, never half of either.
        guard rename(draft.path, target.path) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: draft)
            throw .cannotCreateFile(path: target.path, reason: reason)
        }
    }

    /// The session used most recently on this server, if any is kept (and readable).
    func latest() -> Stored? {
        let folder = dataDirectory.url.appendingPathComponent(folderName, isDirectory: true)
        let files =
            (try? FileManager.default.contentsOfDirectory(
                at: folder, includingPropertiesForKeys: [.contentModificationDateKey]))
            ?? []
        let newest = files.filter { $0.pathExtension == "json" && !$0.lastPathComponent.hasPrefix(".") }
            .max { modified($0) < modified($1) }
        guard let newest, let data = try? Data(contentsOf: newest) else { return nil }
        return try? JSONDecoder().decode(Stored.self, from: data)
    }

    /// Forgets the session whose access token is `token` (after a sign-out, or when the server refused it).
    func remove(token: String) {
        let folder = dataDirectory.url.appendingPathComponent(folderName, isDirectory: true)
        let files = (try? FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)) ?? []
        for file in files where file.pathExtension == "json" {
            guard let data = try? Data(contentsOf: file),
                let stored = try? JSONDecoder().decode(Stored.self, from: data), stored.session.accessToken == token
            else { continue }
            try? FileManager.default.removeItem(at: file)
        }
    }

    private func modified(_ url: URL) -> Date {
        (try? url.resourceValues(forKeys: [.contentModificationDateKey]).contentModificationDate) ?? .distantPast
    }
}
