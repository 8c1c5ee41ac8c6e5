/// An `mxc://server/mediaId` URI, split into the parts the media endpoints take.
public struct MediaURI: Sendable, Hashable, CustomStringConvertible {
    public let server: String
    public let mediaID: String

    /// Nil when `text` is not an `mxc://` URI with both parts.
    public init?(_ text: String) {
        guard text.hasPrefix("mxc://") else { return nil }
        let parts = text.dropFirst("mxc://".count).split(separator: "/", maxSplits: 1)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty, !parts[1].contains("/") else { return nil }
        server = String(parts[0])
        mediaID = String(parts[1])
    }

    public var description: String { "mxc://\(server)/\(mediaID)" }
}

/// How the server makes a thumbnail: `crop` fills the box, `scale` fits inside it.
public enum ThumbnailMethod: String, Sendable {
    case crop, scale
}

/// Bytes moved so far and the total, when known; called as a transfer goes.
public typealias TransferProgress = @Sendable (_ done: Int64, _ total: Int64?) -> Void
