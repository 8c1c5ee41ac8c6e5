import Foundation

/// Names one import or save, so that a progress bar can follow it.
public struct TransferID: RawRepresentable, Sendable, Hashable, CustomStringConvertible {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    /// A fresh, unique transfer.
    public init() { rawValue = UUID().uuidString.lowercased() }
    public var description: String { rawValue }
}

/// What the attachment service tells its subscribers while it copies files over 1 MiB.
///
/// A transfer's last event is `finished` or `failed`; the reply to the request says the same, but a caller
/// whose deadline passed during a long copy still learns the outcome here.
public enum AttachmentEvent: Sendable, Equatable {
    case progress(TransferProgress)
    /// The transfer is complete; `reference` is the attachment imported or saved.
    case finished(transfer: TransferID, reference: AttachmentReference)
    case failed(transfer: TransferID, error: AttachmentError)
}

/// How far one transfer has come.
public struct TransferProgress: Sendable, Equatable {
    public enum Direction: String, Sendable, Equatable {
        /// Into the store, from a file the user attached.
        case importing
        /// Out of the store, to a file the user asked for.
        case saving
    }

    public var transfer: TransferID
    public var direction: Direction
    /// The file's name as the user gave it (unsafe: views make it safe).
    public var name: String
    public var bytesDone: Int64
    public var totalBytes: Int64

    public init(transfer: TransferID, direction: Direction, name: String, bytesDone: Int64, totalBytes: Int64) {
        self.transfer = transfer
        self.direction = direction
        self.name = name
        self.bytesDone = bytesDone
        self.totalBytes = totalBytes
    }

    /// From 0 to 1, for a progress bar.
    public var fraction: Double { totalBytes == 0 ? 1 : Double(bytesDone) / Double(totalBytes) }
}
