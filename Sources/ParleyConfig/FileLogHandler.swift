import Foundation
import Logging

/// A swift-log handler that appends lines to a file (`parley.log` in the data directory), never to the
/// terminal the UI draws on.
public struct FileLogHandler: LogHandler {
    /// The open log file, shared by every logger of the process.
    public typealias Sink = LogFile

    public var logLevel: Logger.Level = .info
    public var metadata: Logger.Metadata = [:]
    private let label: String
    private let sink: Sink

    public init(label: String, sink: Sink) {
        self.label = label
        self.sink = sink
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        var merged = metadata
        if let extra = event.metadata { merged.merge(extra) { $1 } }
        let details =
            merged.isEmpty ? "" : " " + merged.sorted { $0.key < $1.key }.map { "\($0)=\($1)" }.joined(separator: " ")
        let time = Date().formatted(.iso8601)
        // One line per event: newlines inside a message would let one entry pass for several.
        let message = "\(event.message)".replacingOccurrences(of: "\n", with: "\\n")
        sink.append("\(time) \(event.level) \(label): \(message)\(details)\n")
    }
}
