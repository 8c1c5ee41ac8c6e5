import ParleyContracts

/// What the app keeps of a user's rooms between runs, so that it opens on the last screen when the
/// conversation backend cannot answer yet (messaging off at start; a homeserver out of reach): the rooms,
/// which was current, and the newest messages of each. Backend-neutral: rooms and chat messages only.
public struct CachedView: Equatable, Sendable, Codable {
    public var rooms: [Room]
    public var currentRoom: RoomID?
    /// The newest messages of each room, oldest first, at most `messagesPerRoom`.
    public var timelines: [RoomID: [ChatMessage]]

    /// How many of each room's newest messages are kept.
    public static let messagesPerRoom = 50

    public init(rooms: [Room], currentRoom: RoomID?, timelines: [RoomID: [ChatMessage]]) {
        self.rooms = rooms
        self.currentRoom = currentRoom
        self.timelines = timelines
    }
}

/// Where the cached view of each user is kept (`client.sqlite` in the local backend).
public protocol ClientCache: Sendable {
    /// Replaces what is kept for `user`.
    func save(_ view: CachedView, user: String) throws
    /// What was kept for `user`, if anything.
    func view(of user: String) throws -> CachedView?
}
