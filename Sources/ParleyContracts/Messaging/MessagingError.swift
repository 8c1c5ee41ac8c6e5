/// Why the messaging service refused a request. Nothing was changed; each case names the problem and what
/// the user can do about it.
public enum MessagingError: Error, Sendable, Hashable, CustomStringConvertible {
    // MARK: - Session
    case invalidSession
    case sessionExpired
    case sessionEnded

    // MARK: - Rooms and users
    case invalidRoomName(String)
    case roomExists(String)
    case unknownRoom(String)
    case notAMember(RoomID)
    case cannotLeaveDirect(RoomID)
    case invalidUserName(String)
    case unknownUser(String)
    case cannotMessageYourself

    // MARK: - Messages
    case emptyMessage
    case messageTooLong(bytes: Int, limit: Int)
    case invalidMessageID(MessageID)
    case messageIDTaken(MessageID)
    case unknownMessage(MessageID)
    case notYourMessage(MessageID)
    case messageDeleted(MessageID)
    case emptySearch
    case batchTooLarge(count: Int, limit: Int)
    case invalidReaction(String)

    // MARK: - Homeserver
    /// The homeserver no longer accepts the session's access token (401 `M_UNKNOWN_TOKEN`).
    case sessionRefused(server: String)
    /// The homeserver could not be reached: what was sent waits in the outbox, as when messaging is off.
    case serverUnreachable(String)
    /// The homeserver refused the request; carries its sentence, which names the server's `errcode`.
    case serverRefused(String)
    /// The room is end-to-end encrypted: Parley never sends plaintext into it.
    case encryptedRoom(String)

    // MARK: - Storage
    /// The store failed in a way the request could not have avoided (disk full, another program holding a
    /// lock for too long); carries the storage error's own sentence.
    case storageFailed(String)

    public var description: String {
        switch self {
        case .invalidSession:
            "your session token was not issued for this data directory; sign in again"
        case .sessionExpired:
            "your session has expired; sign in again"
        case .sessionEnded:
            "your session was ended (signed out or password changed); sign in again"
        case let .invalidRoomName(name):
            "\"\(name)\" is not a valid room name; use # followed by 2–32 of a-z, 0-9, _ and -, e.g. #general"
        case let .roomExists(name):
            "\(name) already exists; join it with /join \(name)"
        case let .unknownRoom(name):
            "there is no room \(name); check the name, or create it"
        case let .notAMember(room):
            "you are not a member of \(room); join it first"
        case let .cannotLeaveDirect(room):
            "\(room) is a direct conversation and cannot be left; switch to another room instead"
        case let .invalidUserName(name):
            "\"\(name)\" is not a valid user name; names are 2–32 of a-z, 0-9, _ and -"
        case let .unknownUser(name):
            "there is no user \(name) here; they must sign in once before you can message them"
        case .cannotMessageYourself:
            "a direct conversation needs another user; name someone else"
        case .emptyMessage:
            "the message is empty; type some text before sending"
        case let .messageTooLong(bytes, limit):
            "the message is \(bytes) bytes; messages are limited to \(limit) bytes, so split it or attach it as a file"
        case let .invalidMessageID(id):
            "\"\(id)\" is not a valid message id; ids are 1–128 printable characters without spaces"
        case let .messageIDTaken(id):
            "message id \(id) is already used by another message; send it again with a new id"
        case let .unknownMessage(id):
            "there is no message \(id) in your rooms; it may be in a room you left"
        case let .notYourMessage(id):
            "message \(id) was sent by someone else; you can only edit or delete your own messages"
        case let .messageDeleted(id):
            "message \(id) was deleted and can no longer be changed"
        case let .batchTooLarge(count, limit):
            "\(count) messages were sent at once; send at most \(limit) in one batch"
        case .invalidReaction:
            "a reaction is one emoji or a short word of at most \(Reaction.maximumKeyBytes) bytes, with no spaces or control characters"
        case .emptySearch:
            "the search is empty; type at least one word to search for"
        case let .sessionRefused(server):
            "the homeserver \(server) no longer accepts your session (M_UNKNOWN_TOKEN); sign in again"
        case let .serverUnreachable(reason):
            "the homeserver is unreachable (\(reason))"
        case let .serverRefused(sentence):
            sentence
        case let .encryptedRoom(name):
            "\(name) is end-to-end encrypted, which Parley cannot send into yet; nothing was sent"
        case let .storageFailed(sentence):
            "the message store failed: \(sentence)"
        }
    }
}
