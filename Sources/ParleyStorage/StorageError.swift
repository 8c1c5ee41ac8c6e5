/// Why a service's store could not be opened or used. Each case names the file and what to do.
public enum StorageError: Error, Sendable, Equatable, CustomStringConvertible {
    case cannotCreateDirectory(path: String, reason: String)
    case cannotCreateFile(path: String, reason: String)
    case notADatabase(path: String)
    case corrupt(path: String)
    case locked(path: String)
    case readOnly(path: String)
    case unreadable(path: String, reason: String)
    case isADirectory(path: String)
    case cannotOpen(path: String, reason: String)
    case failed(path: String, reason: String)

    public var description: String {
        switch self {
        case let .cannotCreateDirectory(path, reason):
            "cannot create the data directory \(path): \(reason)"
        case let .cannotCreateFile(path, reason):
            "cannot create \(path): \(reason)"
        case let .notADatabase(path):
            "\(path) is not a Parley database; move it aside or choose another data directory with --data"
        case let .corrupt(path):
            "\(path) is corrupt; restore it from a backup or move it aside to start afresh"
        case let .locked(path):
            "\(path) is locked by another program; close that program and try again"
        case let .readOnly(path):
            "\(path) is read-only; make it writable by your user and try again"
        case let .unreadable(path, reason):
            "cannot read \(path): \(reason); make it readable and writable by your user (chmod 600)"
        case let .isADirectory(path):
            "\(path) is a directory, not a database; move it aside or choose another data directory with --data"
        case let .cannotOpen(path, reason):
            "cannot open \(path): \(reason)"
        case let .failed(path, reason):
            "\(path): \(reason)"
        }
    }
}
