/// Where a user's unsent messages are kept between runs of the app, so that what was sent while messaging was
/// off survives quitting (DESIGN.md, "Outbox"). The app loop mirrors `ChatState.pending` into it.
public protocol OutboxStore: Sendable {
    /// The messages `user` left unsent, oldest first; none if there is no outbox yet.
    func load(user: String) throws -> [PendingMessage]
    /// Replaces `user`'s outbox with `messages`.
    func save(_ messages: [PendingMessage], user: String) throws
}
