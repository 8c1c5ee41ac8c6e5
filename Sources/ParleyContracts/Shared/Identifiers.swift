/// A room: a public room such as `#general`, or a direct conversation between two users.
///
/// The messaging service makes and owns these; other services (attachment) only carry them around, so the
/// raw form is opaque to everyone else.
public struct RoomID: RawRepresentable, Sendable, Hashable, Codable, CustomStringConvertible {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public var description: String { rawValue }
}

/// A message, named by its sender's client before it is sent, so that a retried send is stored once.
public struct MessageID: RawRepresentable, Sendable, Hashable, Codable, CustomStringConvertible {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public var description: String { rawValue }
}

/// What a message keeps of an attachment: the attachment service owns the bytes, the message only this.
public struct AttachmentReference: Sendable, Hashable, Codable {
    /// The content's SHA-256, lower-case hex: the blob's name in the attachment store.
    public var id: String
    /// The file name as the sender had it (unsafe: views and saving make it safe).
    public var name: String
    public var size: Int64
    /// A MIME type detected from the content, e.g. `image/png`.
    public var mediaType: String

    public init(id: String, name: String, size: Int64, mediaType: String) {
        self.id = id
        self.name = name
        self.size = size
        self.mediaType = mediaType
    }
}
