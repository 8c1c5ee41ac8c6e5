import Foundation
import ParleyContracts

/// Who may have an attachment, and the messages that keep it: the importer until it is sent, then the
/// members of every room a message carrying it was sent to, as the messaging service says.
extension AttachmentHandler {
    /// The attachment's record, if `user` may fetch it.
    ///
    /// The importer's own pending import is checked first, so the usual import-then-send path never asks
    /// the messaging service anything (it may be the one calling us).
    func authorize(_ user: String, token: String, for id: String) async throws -> AttachmentRecord {
        guard BlobStore.isBlobName(id), let record = try database.attachment(id) else {
            throw AttachmentError.unknownAttachment(id: id)
        }
        if try database.hasPendingImport(of: id, by: user, now: settings.now()) { return record }
        let rooms = try database.rooms(of: id).map { RoomID($0) }
        guard let firstRoom = rooms.first else { throw AttachmentError.notShared(id: id) }
        var unanswered: (room: RoomID, reason: String)?
        for room in rooms {
            do {
                if try await membership.isMember(user: user, of: room, token: token) { return record }
            } catch is CancellationError {
                throw CancellationError()
            } catch {
                unanswered = unanswered ?? (room, "\(error)")
            }
        }
        // A clear "no" for one room does not settle it while another room could not be asked.
        if let unanswered { throw AttachmentError.membershipUnknown(room: unanswered.room, reason: unanswered.reason) }
        throw AttachmentError.notMember(room: firstRoom)
    }

    /// Records that `message`, sent to `room`, carries the attachment. The sender imported it (or, forwarding
    /// it, can already fetch it), so nobody can bind an attachment they could not have seen.
    func bind(_ id: String, to room: RoomID, message: MessageID, by user: String, token: String) async throws {
        let record = try await authorize(user, token: token, for: id)
        let binding = BindingRecord(
            attachmentID: record.id, room: room.rawValue, message: message.rawValue, boundBy: user,
            boundAt: settings.now())
        let database = self.database
        guard try await offload({ try database.recordSent(binding) }) else {
            throw AttachmentError.unknownAttachment(id: id)  // collected by another process a moment ago
        }
    }

    /// Forgets the attachments of a deleted message and collects those nothing else keeps.
    ///
    /// Any signed-in user may release: the messaging service decides who may delete a message, and a
    /// release only takes away what a deleted message no longer shows.
    func release(_ message: MessageID) async throws -> GarbageReport {
        let database = self.database
        let handler = self
        return try await offload {
            let ids = try database.recordMessageDeleted(message.rawValue)
            return try handler.collect(among: ids)
        }
    }
}
