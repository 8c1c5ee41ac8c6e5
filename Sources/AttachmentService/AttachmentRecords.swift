import Foundation
import GRDB
import ParleyContracts

/// One stored blob and what its first importer called it.
struct AttachmentRecord: Sendable, Equatable, Codable {
    /// The content's SHA-256 in lower-case hex: also the blob's file name.
    var id: String
    var name: String
    var size: Int64
    var mediaType: String
    var storedAt: Date

    func reference(named name: String? = nil) -> AttachmentReference {
        AttachmentReference(id: id, name: name ?? self.name, size: size, mediaType: mediaType)
    }
}

/// A message carrying an attachment: while one exists, the blob is kept.
struct BindingRecord: Sendable, Equatable, Codable {
    var attachmentID: String
    var room: String
    var message: String
    var boundBy: String
    var boundAt: Date
}

/// An import not yet sent in a message: it keeps the blob until `until`, so a file attached a moment before
/// a collection is not lost before it is sent.
struct PendingImportRecord: Sendable, Equatable, Codable {
    var attachmentID: String
    var user: String
    var until: Date
}

// MARK: - GRDB conformances

extension AttachmentRecord: FetchableRecord, PersistableRecord {
    static let databaseTableName = "attachment"
}

extension BindingRecord: FetchableRecord, PersistableRecord {
    static let databaseTableName = "binding"
}

extension PendingImportRecord: FetchableRecord, PersistableRecord {
    static let databaseTableName = "pendingImport"
}

extension AttachmentRecord {
    static func defineTable(in db: Database) throws {
        try db.create(table: databaseTableName) { table in
            table.primaryKey("id", .text)
            table.column("name", .text).notNull()
            table.column("size", .integer).notNull()
            table.column("mediaType", .text).notNull()
            table.column("storedAt", .datetime).notNull()
        }
    }
}

extension BindingRecord {
    static func defineTable(in db: Database) throws {
        try db.create(table: databaseTableName) { table in
            table.column("attachmentID", .text).notNull()
                .references(AttachmentRecord.databaseTableName, onDelete: .cascade)
            table.column("room", .text).notNull()
            table.column("message", .text).notNull().indexed()
            table.column("boundBy", .text).notNull()
            table.column("boundAt", .datetime).notNull()
            table.primaryKey(["attachmentID", "message"])
        }
    }
}

extension PendingImportRecord {
    static func defineTable(in db: Database) throws {
        try db.create(table: databaseTableName) { table in
            table.column("attachmentID", .text).notNull()
                .references(AttachmentRecord.databaseTableName, onDelete: .cascade)
            table.column("user", .text).notNull()
            table.column("until", .datetime).notNull()
            table.primaryKey(["attachmentID", "user"])
        }
    }
}
