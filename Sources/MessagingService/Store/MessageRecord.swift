import Foundation
import GRDB
import ParleyContracts

/// A row of `messages`. `sequence` is the rowid: the order of storing across every process, which history
/// pages, read markers and search results are ordered by.
struct MessageRecord: Equatable {
    var sequence: Int64?
    var id: String
    var roomID: String
    var sender: String
    var text: String
    /// Seconds since 1970, kept as a number so that sorting and decoding stay cheap.
    var sentAt: Double
    var editedAt: Double?
    var isDeleted: Bool
    var replyTo: String?
    /// The attachment references as JSON, `[]` when there are none.
    var attachments: String
}

// Text goes in and out as bytes: GRDB binds and reads strings as C strings, which would cut a message at
// its first NUL, and text is stored exactly as sent. `CAST(? AS TEXT)` keeps the column TEXT (and so
// searchable) with every byte in it; reading it as `Data` from the statement keeps every byte too.
extension MessageRecord: FetchableRecord {
    static let databaseTableName = "messages"

    init(row: Row) {
        sequence = row["sequence"]
        id = row["id"]
        roomID = row["roomID"]
        sender = row["sender"]
        text = String(decoding: row["text"] as Data? ?? Data(), as: UTF8.self)
        sentAt = row["sentAt"]
        editedAt = row["editedAt"]
        isDeleted = row["isDeleted"]
        replyTo = row["replyTo"]
        attachments = row["attachments"]
    }

    /// Stores the message and indexes its text for search, unless a message with its id is already stored.
    /// - Returns: whether it was stored; if not, nothing was written.
    mutating func insertUnlessStored(_ db: Database) throws -> Bool {
        let bytes = Data(text.utf8)
        // The unique index on `id` is probed once, by the insert itself, rather than by a look-up first.
        try db.cachedStatement(
            sql: """
                INSERT INTO messages (id, roomID, sender, text, sentAt, editedAt, isDeleted, replyTo, attachments)
                VALUES (?, ?, ?, CAST(? AS TEXT), ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING
                """
        ).execute(arguments: [id, roomID, sender, bytes, sentAt, editedAt, isDeleted, replyTo, attachments])
        guard db.changesCount > 0 else { return false }
        sequence = db.lastInsertedRowID
        // Indexed here rather than by a trigger (see the v2 migration): the same bytes as the row, so that
        // the update and delete triggers, which remove the old text from the index, find exactly these terms.
        try db.cachedStatement(sql: "INSERT INTO messageSearch (rowid, text) VALUES (?, CAST(? AS TEXT))")
            .execute(arguments: [sequence, bytes])
        return true
    }

    /// Saves what an edit or a deletion changes: the text, the attachments and the flags.
    func updateContent(_ db: Database) throws {
        try db.cachedStatement(
            sql: """
                UPDATE messages SET text = CAST(? AS TEXT), editedAt = ?, isDeleted = ?, attachments = ?
                WHERE sequence = ?
                """
        ).execute(arguments: [Data(text.utf8), editedAt, isDeleted, attachments, sequence])
    }
}

extension MessageRecord {
    static func encodeAttachments(_ attachments: [AttachmentReference]) -> String {
        guard !attachments.isEmpty, let data = try? JSONEncoder().encode(attachments) else { return "[]" }
        return String(decoding: data, as: UTF8.self)
    }

    /// The message as the contract shows it; most messages have no attachments, so JSON is decoded only
    /// when there is some.
    var message: ChatMessage {
        let references =
            attachments == "[]"
            ? [] : (try? JSONDecoder().decode([AttachmentReference].self, from: Data(attachments.utf8))) ?? []
        return ChatMessage(
            id: MessageID(id), room: RoomID(roomID), sender: sender, text: text,
            sentAt: Date(timeIntervalSince1970: sentAt), editedAt: editedAt.map { Date(timeIntervalSince1970: $0) },
            isDeleted: isDeleted, replyTo: replyTo.map { MessageID($0) }, attachments: references,
            sequence: sequence ?? 0)
    }
}
