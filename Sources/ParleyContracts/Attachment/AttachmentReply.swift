import Foundation

/// The attachment service's answer to each request, in the order of `AttachmentRequest`'s cases.
public enum AttachmentReply: Sendable, Equatable {
    case imported(ImportedAttachment)
    case bound
    /// What the release let the store collect.
    case released(GarbageReport)
    /// The path actually written: its name may have been made safe.
    case saved(path: String)
    case located(URL)
    case info(AttachmentInfo)
    case collected(GarbageReport)
}

/// A file that was imported: what a message should carry, and what to tell the user about it.
public struct ImportedAttachment: Sendable, Equatable {
    public var reference: AttachmentReference
    /// The same content was already stored, so nothing was copied.
    public var wasAlreadyStored: Bool

    public init(reference: AttachmentReference, wasAlreadyStored: Bool) {
        self.reference = reference
        self.wasAlreadyStored = wasAlreadyStored
    }

    /// A line worth showing the user beside the attachment, if any: an empty file is allowed but odd.
    public var notice: String? {
        guard reference.size == 0 else { return nil }
        return "\(AttachmentText.visible(reference.name)) is empty (0 bytes); it is attached all the same"
    }
}

/// What the store knows of one attachment.
public struct AttachmentInfo: Sendable, Equatable {
    public var reference: AttachmentReference
    /// The rooms messages carrying it were sent to; empty while it is imported but not yet sent.
    public var rooms: [RoomID]

    public init(reference: AttachmentReference, rooms: [RoomID]) {
        self.reference = reference
        self.rooms = rooms
    }
}

/// What a garbage collection removed.
public struct GarbageReport: Sendable, Equatable {
    public var blobs: Int
    public var bytes: Int64

    public init(blobs: Int, bytes: Int64) {
        self.blobs = blobs
        self.bytes = bytes
    }

    public static let nothing = GarbageReport(blobs: 0, bytes: 0)
}
