/// What a file is, for files that are neither previewed nor played.
public struct FileSummary: Sendable, Hashable {
    /// A MIME type, e.g. `text/plain`; `application/octet-stream` when nothing more is known.
    public var mediaType: String
    /// Size in bytes.
    public var size: Int64
    /// For text, the first lines as the file has them (unsanitised: views make them safe); else empty.
    public var firstLines: [String]

    public init(mediaType: String, size: Int64, firstLines: [String]) {
        self.mediaType = mediaType
        self.size = size
        self.firstLines = firstLines
    }
}
