/// Where a page of history starts: at the newest or the oldest message, or just before or after a message
/// already shown.
public enum HistoryCursor: Sendable, Hashable, Codable {
    /// The newest messages of the room.
    case newest
    /// The room's first messages (a jump to the start of its history).
    case oldest
    /// Messages older than this one (scrolling up).
    case before(MessageID)
    /// Messages newer than this one (catching up after a gap).
    case after(MessageID)
}
