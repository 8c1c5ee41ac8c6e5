/// Why the app's own store (`client.sqlite`, and what earlier versions left) could not be read.
public enum ClientStoreError: Error, Sendable, Equatable, CustomStringConvertible {
    case unreadableItem(path: String)
    case unreadableLegacyOutbox(path: String)

    public var description: String {
        switch self {
        case let .unreadableItem(path):
            "\(path) holds an outbox item this version cannot read; a newer Parley may have written it"
        case let .unreadableLegacyOutbox(path):
            "\(path) is not an outbox Parley wrote; move it aside to start an empty one"
        }
    }
}
