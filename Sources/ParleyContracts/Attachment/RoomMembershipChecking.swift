/// Asks the messaging service, which owns rooms, whether a user is in one. The wiring implements it, so
/// the attachment service needs neither messaging's code nor its tables.
public protocol RoomMembershipChecking: Sendable {
    /// Whether `user` (a canonical account name) is a member of `room`; throws when that cannot be known now.
    /// - Parameter token: the asking user's own session token: the question is asked with their authority,
    ///   so no service holds a key to every room.
    func isMember(user: String, of room: RoomID, token: String) async throws -> Bool
}
