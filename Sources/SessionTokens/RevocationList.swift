import Foundation
import ParleyStorage
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// Sessions ended before their expiry, shared by every process on a data directory through one
/// append-only file (`revoked-sessions`, mode 0600). The account service appends; every verifier reads it,
/// re-reading only when the file has grown.
///
/// A line is `session ID` (one session signed out) or `user NAME SECONDS` (every session of NAME issued at
/// or before SECONDS since 1970, as after a password change).
public final class RevocationList: Sendable {
    public static let fileName = "revoked-sessions"

    private struct Snapshot {
        var size: Int = -1
        var sessions: Set<String> = []
        var usersRevokedUntil: [String: TimeInterval] = [:]
    }

    private let url: URL
    private let snapshot = Mutex(Snapshot())

    public init(in directory: DataDirectory) throws(StorageError) {
        try directory.prepare()
        url = directory.file(Self.fileName)
        try PrivateFile.ensureExists(url)
    }

    /// Ends one session.
    public func revoke(session: String) throws(StorageError) {
        try append("session \(session)\n")
    }

    /// Ends every session of `user` issued at or before `date`.
    public func revokeAll(of user: String, issuedUntil date: Date) throws(StorageError) {
        try append("user \(user) \(date.timeIntervalSince1970)\n")
    }

    public func isRevoked(_ claims: SessionClaims) -> Bool {
        refreshIfGrown()
        return snapshot.withLock { snapshot in
            if snapshot.sessions.contains(claims.session) { return true }
            guard let until = snapshot.usersRevokedUntil[claims.user] else { return false }
            return claims.issuedAt.timeIntervalSince1970 <= until
        }
    }

    private func append(_ line: String) throws(StorageError) {
        guard let handle = FileHandle(forWritingAtPath: url.path) else {
            throw .cannotOpen(path: url.path, reason: "cannot open it for writing")
        }
        defer { try? handle.close() }
        do {
            // One short write to a file opened for appending lands whole, even with other writers.
            try handle.seekToEnd()
            try handle.write(contentsOf: Data(line.utf8))
            try handle.synchronize()
        } catch {
            throw .failed(path: url.path, reason: error.localizedDescription)
        }
    }

    private func refreshIfGrown() {
        // Every request to every service passes here: a plain stat() costs a microsecond, FileManager's
        // attribute dictionary many times that.
        var info = stat()
        let size = stat(url.path, &info) == 0 ? Int(info.st_size) : 0
        guard size != snapshot.withLock({ $0.size }) else { return }
        guard let data = try? Data(contentsOf: url) else { return }
        var fresh = Snapshot(size: data.count)
        for line in String(decoding: data, as: UTF8.self).split(separator: "\n") {
            let fields = line.split(separator: " ")
            switch (fields.first, fields.count) {
            case ("session", 2): fresh.sessions.insert(String(fields[1]))
            case ("user", 3):
                if let until = TimeInterval(fields[2]) {
                    fresh.usersRevokedUntil[String(fields[1]), default: 0] = max(
                        fresh.usersRevokedUntil[String(fields[1])] ?? 0, until)
                }
            default: continue  // a line being written by another process right now
            }
        }
        snapshot.withLock { $0 = fresh }
    }
}
