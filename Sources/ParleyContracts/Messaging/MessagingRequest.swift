import ServiceRuntime

/// What the app asks of the messaging service. Every request carries the caller's session token: the service
/// checks it, and the caller's membership of the room, on every request.
public enum MessagingRequest: ServiceRequest, Hashable {
    /// First contact after sign-in: records that the user exists (so others can open a direct conversation
    /// with them), joins `#general` the first time, and starts this service's live events for the user.
    /// Replies `.welcome`.
    case hello(token: String)

    // MARK: - Rooms

    /// Creates the public room `name` (`#` followed by 2–32 of `a-z 0-9 _ -`) and joins it. Replies `.room`.
    case createRoom(token: String, name: String)
    /// Joins the existing public room `name`. Replies `.room`.
    case joinRoom(token: String, name: String)
    /// Leaves a public room. Replies `.left`.
    case leaveRoom(token: String, room: RoomID)
    /// Opens (creating the first time) the direct conversation with `user`. Replies `.room`.
    case openDirect(token: String, user: String)
    /// The caller's rooms with their unread counts. Replies `.rooms`.
    case listRooms(token: String)
    /// The members of a room the caller belongs to, by name. Replies `.members`.
    case listMembers(token: String, room: RoomID)

    // MARK: - Messages

    /// Stores a message under the id the client made for it; sending the same id again changes nothing and
    /// replies with the stored message, so a retried send is stored once. Replies `.message`.
    case send(
        token: String, room: RoomID, id: MessageID, text: String, replyTo: MessageID? = nil,
        attachments: [AttachmentReference] = [])
    /// Stores several messages in one transaction, in order, as an outbox flush does: far cheaper than one
    /// `send` each. Each message is stored or refused on its own, as `send` would. Replies `.batch`.
    case sendBatch(token: String, messages: [OutgoingMessage])
    /// Replaces the text of one of the caller's own messages. Replies `.message`.
    case edit(token: String, message: MessageID, text: String)
    /// Deletes one of the caller's own messages, leaving a tombstone in its place. Replies `.message`.
    case delete(token: String, message: MessageID)
    /// A page of at most `limit` (1–500) messages of a room. Replies `.history`.
    case history(token: String, room: RoomID, from: HistoryCursor = .newest, limit: Int = 50)
    /// Gives the message the reaction `key` (an emoji) from the caller; giving it twice changes nothing.
    /// Replies `.message` with the message's reactions.
    case react(token: String, message: MessageID, key: String)
    /// Takes back every reaction the caller gave the message. Replies `.message` with its reactions.
    case unreact(token: String, message: MessageID)
    /// Tells the room's other members that the caller is typing a message (or has stopped). The notice
    /// lapses on its own after `typingTimeout` unless said again. Replies `.accepted`.
    case typing(token: String, room: RoomID, isTyping: Bool)
    /// Moves the caller's read marker in a room forward to `upTo` (never back), and with `sendsReceipt` their
    /// read receipt too, which the room's other members see. Replies `.room`.
    case markRead(token: String, room: RoomID, upTo: MessageID, sendsReceipt: Bool = true)
    /// Messages whose text holds every word of `text`, newest first, in the caller's rooms (or in `room`
    /// only), at most `limit` (1–500); with `before`, only those older than that message (the last of the
    /// page before), so results page to the last match. Replies `.found`.
    case search(token: String, text: String, room: RoomID? = nil, limit: Int = 50, before: MessageID? = nil)

    /// How long a typing notice lasts unless said again: a client that stops without saying so (it quit, it
    /// lost the network) is not shown typing for ever.
    public static let typingTimeout: Duration = .seconds(30)

    /// The most messages one `sendBatch` may carry.
    public static let maximumBatch = 1_000

    public var kind: String {
        switch self {
        case .hello: "hello"
        case .createRoom: "createRoom"
        case .joinRoom: "joinRoom"
        case .leaveRoom: "leaveRoom"
        case .openDirect: "openDirect"
        case .listRooms: "listRooms"
        case .listMembers: "listMembers"
        case .send: "send"
        case .sendBatch: "sendBatch"
        case .edit: "edit"
        case .delete: "delete"
        case .history: "history"
        case .react: "react"
        case .unreact: "unreact"
        case .typing: "typing"
        case .markRead: "markRead"
        case .search: "search"
        }
    }

    /// The session token the request carries.
    public var token: String {
        switch self {
        case let .hello(token), let .createRoom(token, _), let .joinRoom(token, _), let .leaveRoom(token, _),
            let .openDirect(token, _), let .listRooms(token), let .listMembers(token, _),
            let .send(token, _, _, _, _, _), let .sendBatch(token, _), let .edit(token, _, _), let .delete(token, _),
            let .history(token, _, _, _), let .markRead(token, _, _, _), let .search(token, _, _, _, _),
            let .react(token, _, _), let .unreact(token, _), let .typing(token, _, _):
            token
        }
    }
}
