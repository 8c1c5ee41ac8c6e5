/// Where a page of history starts: at the newest message, or just before or after a message already shown.
public enum HistoryCursor: Sendable, Hashable, Codable {
    /// The newest messages of the room.
    case newest
    /// Messages older than this one (scrolling up).
    case before(MessageID)
    /// Messages newer than this one (catching up after a gap).
    case after(MessageID)
}
