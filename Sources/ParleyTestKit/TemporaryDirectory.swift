import Foundation
import ParleyStorage

/// A fresh directory under the system's temporary directory, one per test, removed by `remove()`.
public struct TemporaryDirectory: Sendable {
    public let url: URL

    public init(_ label: String = "test") {
        url = FileManager.default.temporaryDirectory
            .appendingPathComponent("parley-\(label)-\(UUID().uuidString.prefix(8))", isDirectory: true)
        try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    public var path: String { url.path }

    /// A data directory inside this temporary directory (not yet created: services create it 0700).
    public var dataDirectory: DataDirectory { DataDirectory(url.appendingPathComponent("data", isDirectory: true)) }

    public func file(_ name: String) -> URL { url.appendingPathComponent(name) }

    public func remove() { try? FileManager.default.removeItem(at: url) }
}
