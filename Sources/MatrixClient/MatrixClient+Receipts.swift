/// Read receipts: `POST /rooms/{roomId}/receipt/{receiptType}/{eventId}`, and the fully-read marker alone.
extension MatrixClient {
    /// Who may see a receipt: every member (`m.read`), or only the user's own devices (`m.read.private`).
    public enum ReceiptType: String, Sendable, Hashable {
        case read = "m.read"
        case privateRead = "m.read.private"
    }

    /// Tells the room the signed-in user has read up to `eventID` (publicly or privately, by `type`).
    public func sendReceipt(_ type: ReceiptType, in roomID: String, upTo eventID: String) async throws {
        let path =
            Self.clientPath
            + "/rooms/\(Self.segment(roomID))/receipt/\(Self.segment(type.rawValue))/\(Self.segment(eventID))"
        let _: EmptyJSON = try await call(
            Endpoint(.POST, path, name: "POST /rooms/{roomId}/receipt/{receiptType}/{eventId}"), body: EmptyJSON())
    }

    /// Moves only the fully-read marker of a room to `eventID`, with a private receipt beside it: what the
    /// user's own devices need to show the room read, and nothing the other members see.
    public func setFullyRead(in roomID: String, upTo eventID: String) async throws {
        let path = Self.clientPath + "/rooms/\(Self.segment(roomID))/read_markers"
        let body = ["m.fully_read": eventID, ReceiptType.privateRead.rawValue: eventID]
        let _: EmptyJSON = try await call(Endpoint(.POST, path, name: "POST /rooms/{roomId}/read_markers"), body: body)
    }
}
