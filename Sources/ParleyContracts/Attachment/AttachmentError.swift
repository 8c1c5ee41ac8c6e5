/// Why the attachment service refused a request: one sentence naming the file or attachment and what to do.
///
/// Paths and names are shown with control characters made visible, so an error about a hostile name cannot
/// itself drive the terminal.
public enum AttachmentError: Error, Sendable, Equatable, CustomStringConvertible {
    // MARK: - The file to attach
    case notFound(path: String)
    case isDirectory(path: String)
    /// A FIFO, socket or device: reading it could block forever or never end.
    case notARegularFile(path: String)
    case unreadable(path: String, reason: String)
    case tooLarge(path: String, bytes: Int64, limit: Int64)
    case unsafeName(path: String)
    /// The file grew past the limit or was cut short while it was being copied.
    case changedWhileReading(path: String)

    // MARK: - Stored attachments and who may have them
    case unknownAttachment(id: String)
    case notMember(room: RoomID)
    /// Imported by someone else and not sent to any room yet.
    case notShared(id: String)
    case membershipUnknown(room: RoomID, reason: String)
    case notSignedIn(reason: String)
    /// The homeserver holding the attachment could not be reached; carries the reason.
    case serverUnreachable(String)
    /// The homeserver refused the transfer; carries its sentence, which names the server's `errcode`.
    case serverRefused(String)

    // MARK: - Writing
    case destinationExists(path: String)
    case destinationFolderMissing(path: String)
    case cannotWrite(path: String, reason: String)
    case cannotStore(path: String, reason: String)

    public var description: String {
        let shown = AttachmentText.visible
        return switch self {
        case let .notFound(path):
            "\(shown(path)) does not exist; check the path and try again"
        case let .isDirectory(path):
            "\(shown(path)) is a directory; attach the files in it one at a time, or an archive of it"
        case let .notARegularFile(path):
            "\(shown(path)) is not a regular file (a pipe, socket or device); attach a file saved on disk"
        case let .unreadable(path, reason):
            "\(shown(path)) cannot be read (\(reason)); check its permissions and try again"
        case let .tooLarge(path, bytes, limit):
            // Rounded sizes can look equal ("1 MiB" over "1 MiB"): then exact counts say what is wrong.
            AttachmentText.bytes(bytes) == AttachmentText.bytes(limit)
                ? "\(shown(path)) is \(bytes) bytes; attachments are limited to \(limit) bytes"
                : "\(shown(path)) is \(AttachmentText.bytes(bytes)); attachments are limited to "
                    + AttachmentText.bytes(limit)
        case let .unsafeName(path):
            "the name of \(shown(path)) contains control characters or escape sequences; rename the file and "
                + "attach it again"
        case let .changedWhileReading(path):
            "\(shown(path)) changed while it was being attached; attach it again once nothing is writing to it"
        case let .unknownAttachment(id):
            "attachment \(AttachmentText.shortID(id)) is not stored here; ask the sender to attach it again"
        case let .notMember(room):
            "only members of \(shown(room.rawValue)) may fetch this attachment; join the room first"
        case let .notShared(id):
            "attachment \(AttachmentText.shortID(id)) has not been sent to a room you are in; ask the sender "
                + "to send it"
        case let .membershipUnknown(room, reason):
            "cannot check that you are a member of \(shown(room.rawValue)) (\(reason)); try again shortly"
        case let .notSignedIn(reason):
            "the attachment service refused your session: \(reason)"
        case let .serverUnreachable(reason):
            "the homeserver is unreachable (\(reason)); the transfer can go again when it answers"
        case let .serverRefused(sentence):
            shown(sentence)
        case let .destinationExists(path):
            "\(shown(path)) already exists; choose another name or ask to overwrite it"
        case let .destinationFolderMissing(path):
            "the folder \(shown(path)) does not exist; create it or save somewhere else"
        case let .cannotWrite(path, reason):
            "cannot write \(shown(path)) (\(reason)); save somewhere else"
        case let .cannotStore(path, reason):
            "cannot copy \(shown(path)) into the attachment store (\(reason)); free some space and try again"
        }
    }
}
