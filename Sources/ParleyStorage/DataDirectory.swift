import Foundation

/// The directory that holds all of one Parley installation's state: each service's database, the session
/// key, attachments and the log. Several processes sharing it are several people on one machine.
public struct DataDirectory: Sendable, Hashable, CustomStringConvertible {
    public let url: URL

    public init(_ url: URL) { self.url = url.standardizedFileURL }

    public init(path: String) { self.init(URL(fileURLWithPath: path, isDirectory: true)) }

    public var path: String { url.path }
    public var description: String { path }

    /// `--data DIR`, else `$PARLEY_DATA`, else `$XDG_DATA_HOME/parley`, else `~/.local/share/parley`.
    public static func resolve(explicit: String?, environment: [String: String]) -> DataDirectory {
        if let explicit, !explicit.isEmpty { return DataDirectory(path: explicit) }
        if let path = environment["PARLEY_DATA"], !path.isEmpty { return DataDirectory(path: path) }
        if let xdg = environment["XDG_DATA_HOME"], !xdg.isEmpty {
            return DataDirectory(URL(fileURLWithPath: xdg, isDirectory: true).appendingPathComponent("parley"))
        }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return DataDirectory(path: home + "/.local/share/parley")
    }

    /// Creates the directory (and a missing `subdirectory` in it) private to its owner, mode 0700.
    @discardableResult
    public func prepare(subdirectory: String? = nil) throws(StorageError) -> URL {
        let target = subdirectory.map { url.appendingPathComponent($0, isDirectory: true) } ?? url
        do {
            try FileManager.default.createDirectory(
                at: target, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw .cannotCreateDirectory(path: target.path, reason: error.localizedDescription)
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: target.path, isDirectory: &isDirectory), isDirectory.boolValue
        else { throw .cannotCreateDirectory(path: target.path, reason: "a file of that name is in the way") }
        return target
    }

    /// One sentence if the directory lets other users in (a directory Parley creates is 0700, but one that
    /// was there before is the user's to change): what is open and the command that closes it.
    public func exposure() -> String? {
        var info = stat()
        guard stat(path, &info) == 0, info.st_mode & 0o077 != 0 else { return nil }
        let mode = String(info.st_mode & 0o777, radix: 8)
        return
            "the data directory \(path) is open to other users (mode \(mode)); make it yours alone with chmod 700 \(path)"
    }

    /// The URL of `name` inside the directory.
    public func file(_ name: String) -> URL { url.appendingPathComponent(name, isDirectory: false) }
}
