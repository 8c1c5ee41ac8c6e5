/// Why `config.toml` or the log could not be used. Each case names the file, and the key where there is one.
public enum ConfigError: Error, Sendable, Equatable, CustomStringConvertible {
    case unreadable(path: String, reason: String)
    case syntax(path: String, line: Int, column: Int, message: String)
    case badValue(key: String, path: String, expected: String)
    case unknownKey(key: String, path: String)
    case unwritableLog(path: String, reason: String)

    public var description: String {
        switch self {
        case let .unreadable(path, reason):
            "cannot read the settings file \(path): \(reason)"
        case let .syntax(path, line, column, message):
            "\(path) is not valid TOML at line \(line), column \(column): \(message)"
        case let .badValue(key, path, expected):
            "\(key) in \(path) must be \(expected)"
        case let .unknownKey(key, path):
            "\(key) in \(path) is not a Parley setting; check its spelling"
        case let .unwritableLog(path, reason):
            "cannot write the log \(path): \(reason)"
        }
    }
}
