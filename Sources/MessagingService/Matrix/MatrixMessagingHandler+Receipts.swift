import MatrixClient
import ParleyContracts

/// Read receipts on a homeserver: the fully-read marker moves with a receipt beside it, public (`m.read`, which
/// every Matrix client shows) or, with `conversations.send_receipts = false`, private (`m.read.private`, which
/// only the user's own devices see); others' receipts come with each sync and go out with every page.
extension MatrixMessagingHandler {
    /// Moves the user's fully-read marker in `room` to `eventID`, and their receipt public or private.
    func moveReadMarkers(in room: RoomID, upTo eventID: String, sendsReceipt: Bool) async throws {
        if sendsReceipt {
            try await client.setReadMarkers(in: room.rawValue, fullyRead: eventID)
        } else {
            try await client.setFullyRead(in: room.rawValue, upTo: eventID)
        }
    }

    /// `page` with the receipts the cache holds for its room.
    func withReceipts(_ page: HistoryPage, reader: MatrixEventReader) throws -> HistoryPage {
        var page = page
        page.receipts = try cache.receipts(room: page.room, account: reader.account, shownName: reader.shownName)
        return page
    }
}
