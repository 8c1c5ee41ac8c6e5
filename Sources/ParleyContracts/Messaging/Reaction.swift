/// One key (an emoji, usually) given to a message, and who gave it, in the order they did.
public struct Reaction: Sendable, Hashable, Codable {
    /// The emoji as sent; text from other users, which views make safe to show.
    public var key: String
    /// The canonical names of those who gave it, earliest first; never empty.
    public var users: [String]

    public init(key: String, users: [String]) {
        self.key = key
        self.users = users
    }

    /// The most UTF-8 bytes a reaction's key may take: an emoji with modifiers fits many times over.
    public static let maximumKeyBytes = 64

    /// Rows of (key, user), in the order given, grouped by key: each key once, in the order it was first given.
    public static func grouped(_ rows: some Sequence<(key: String, user: String)>) -> [Reaction] {
        var reactions: [Reaction] = []
        var index: [String: Int] = [:]
        for row in rows {
            if let position = index[row.key] {
                if !reactions[position].users.contains(row.user) { reactions[position].users.append(row.user) }
            } else {
                index[row.key] = reactions.count
                reactions.append(Reaction(key: row.key, users: [row.user]))
            }
        }
        return reactions
    }
}
