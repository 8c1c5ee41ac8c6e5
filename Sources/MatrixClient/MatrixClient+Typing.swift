/// Typing notifications: `PUT /rooms/{roomId}/typing/{userId}`.
extension MatrixClient {
    /// Tells the room the signed-in user is typing (for `timeout`, unless said again) or has stopped.
    public func setTyping(_ isTyping: Bool, in roomID: String, timeout: Duration) async throws {
        let userID = try signedInUserID("PUT /rooms/{roomId}/typing/{userId}")
        let path = Self.clientPath + "/rooms/\(Self.segment(roomID))/typing/\(Self.segment(userID))"
        let milliseconds = Double(timeout.components.seconds * 1_000)
        let body: JSONValue =
            isTyping
            ? .object(["typing": .bool(true), "timeout": .number(milliseconds)])
            : .object(["typing": .bool(false)])
        let _: EmptyJSON = try await call(
            Endpoint(.PUT, path, name: "PUT /rooms/{roomId}/typing/{userId}"), body: body)
    }
}
