import ServiceRuntime

/// What the attachment service is asked to do. Every request carries the caller's session token, which the
/// service verifies on its own (tokens are signed), so no request trusts a name the caller merely claims.
public enum AttachmentRequest: ServiceRequest, Equatable {
    /// Copies the file at `path` into the store; replies `.imported`. Files over 1 MiB report progress
    /// under `transfer`, which the caller may choose so it can match events to this request.
    case importFile(token: String, path: String, transfer: TransferID = TransferID())
    /// Records that `message`, sent to `room`, carries the attachment; sent when that message is sent.
    case bind(token: String, attachment: String, room: RoomID, message: MessageID)
    /// Forgets every attachment `message` carried, after the message was deleted; blobs nobody refers to
    /// any more are collected.
    case release(token: String, message: MessageID)
    /// Writes the attachment to `destination` (a file, or a folder to put it in under its own name made
    /// safe); replies `.saved` with the path written. An existing file is replaced only if `overwrite`.
    /// `name` is the name its message gives it, for a store that keeps none (a homeserver's media has only
    /// an id).
    case save(
        token: String, attachment: String, destination: String, overwrite: Bool = false,
        transfer: TransferID = TransferID(), name: String? = nil)
    /// A readable file URL of the stored bytes, e.g. for the media service to preview.
    case locate(token: String, attachment: String)
    /// What is stored for the attachment: name, size, type and the rooms it was sent to.
    case info(token: String, attachment: String)
    /// Removes blobs no message refers to and that were not imported within the grace period.
    case collectGarbage(token: String)

    public var kind: String {
        switch self {
        case .importFile: "import"
        case .bind: "bind"
        case .release: "release"
        case .save: "save"
        case .locate: "locate"
        case .info: "info"
        case .collectGarbage: "collectGarbage"
        }
    }

    /// The session token the request carries.
    public var token: String {
        switch self {
        case let .importFile(token, _, _), let .bind(token, _, _, _), let .release(token, _),
            let .save(token, _, _, _, _, _), let .locate(token, _), let .info(token, _), let .collectGarbage(token):
            token
        }
    }
}
