/// The messaging service's answer to a request; each request's documentation names the case it gets.
public enum MessagingReply: Sendable, Hashable {
    /// To `hello`: the caller's canonical name and rooms.
    case welcome(user: String, rooms: [Room])
    case room(Room)
    case rooms([Room])
    /// Member names, sorted.
    case members([String])
    case message(ChatMessage)
    /// To `sendBatch`: each message's outcome, in the order sent.
    case batch([Result<ChatMessage, MessagingError>])
    case history(HistoryPage)
    /// Search results, newest first.
    case found([ChatMessage])
    case left(RoomID)
    /// To requests that change nothing the caller shows (`typing`).
    case accepted
}
