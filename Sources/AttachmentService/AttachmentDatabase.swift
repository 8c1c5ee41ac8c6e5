import Foundation
import GRDB
import ParleyStorage

/// The attachment service's own store, `attachments.sqlite`: what each blob is, which messages carry it and
/// which imports still wait to be sent. Writes are named for what they mean; blobs live beside it in files.
struct AttachmentDatabase: Sendable {
    static let fileName = "attachments.sqlite"

    private let writer: any DatabaseWriter

    /// Opens (creating and migrating) the store in `directory`.
    init(in directory: DataDirectory) throws(StorageError) {
        writer = try ServiceDatabase.open(Self.fileName, in: directory, migrator: Self.migrator)
    }

    private static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1 attachments, bindings and pending imports") { db in
            try AttachmentRecord.defineTable(in: db)
            try BindingRecord.defineTable(in: db)
            try PendingImportRecord.defineTable(in: db)
        }
        return migrator
    }

    // MARK: - Writes

    /// Records an import of `record`'s content by `user`, kept at least until `pendingUntil` even unsent.
    /// The first importer's name stays the stored one; returns whether the content was known already.
    @discardableResult
    func recordImport(_ record: AttachmentRecord, by user: String, pendingUntil: Date) throws -> Bool {
        try writer.write { db in
            let known = try AttachmentRecord.exists(db, key: record.id)
            if !known { try record.insert(db) }
            try PendingImportRecord(attachmentID: record.id, user: user, until: pendingUntil).upsert(db)
            return known
        }
    }

    /// Records that a message carries the attachment; its sender's own pending import of it is done.
    /// - Returns: false if the attachment is no longer stored.
    func recordSent(_ binding: BindingRecord) throws -> Bool {
        try writer.write { db in
            guard try AttachmentRecord.exists(db, key: binding.attachmentID) else { return false }
            try binding.insert(db, onConflict: .ignore)
            try PendingImportRecord.deleteOne(db, key: ["attachmentID": binding.attachmentID, "user": binding.boundBy])
            return true
        }
    }

    /// Forgets every attachment `message` carried; returns their ids.
    func recordMessageDeleted(_ message: String) throws -> [String] {
        try writer.write { db in
            let ids = try String.fetchAll(
                db, sql: "SELECT DISTINCT attachmentID FROM binding WHERE message = ?", arguments: [message])
            try db.execute(sql: "DELETE FROM binding WHERE message = ?", arguments: [message])
            return ids
        }
    }

    /// Forgets expired pending imports and returns the attachments nothing keeps any more, among `ids` if
    /// given. Their rows stay until `forget` so that a failed file removal can be retried.
    func expireImports(now: Date, among ids: [String]? = nil) throws -> [AttachmentRecord] {
        try writer.write { db in
            // Binding a Date formats it with Foundation's DateFormatter, whose first use loads ICU (about 10 ms and
            // 6 MB at every start, issue 13): with nothing pending, as at most starts, there is nothing to expire.
            if try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM pendingImport)") == true {
                try db.execute(sql: "DELETE FROM pendingImport WHERE until <= ?", arguments: [now])
            }
            var sql = """
                SELECT * FROM attachment a
                WHERE NOT EXISTS (SELECT 1 FROM binding b WHERE b.attachmentID = a.id)
                  AND NOT EXISTS (SELECT 1 FROM pendingImport p WHERE p.attachmentID = a.id)
                """
            var arguments: StatementArguments = []
            if let ids {
                guard !ids.isEmpty else { return [] }
                sql += " AND a.id IN (" + ids.map { _ in "?" }.joined(separator: ", ") + ")"
                arguments = StatementArguments(ids)
            }
            return try AttachmentRecord.fetchAll(db, sql: sql, arguments: arguments)
        }
    }

    /// Removes the rows of collected attachments, unless something came to keep them since; returns the ids
    /// actually removed.
    func forget(_ ids: [String]) throws -> Set<String> {
        guard !ids.isEmpty else { return [] }
        return try writer.write { db in
            var removed: Set<String> = []
            for id in ids {
                try db.execute(
                    sql: """
                        DELETE FROM attachment WHERE id = ?
                          AND NOT EXISTS (SELECT 1 FROM binding WHERE attachmentID = ?)
                          AND NOT EXISTS (SELECT 1 FROM pendingImport WHERE attachmentID = ?)
                        """, arguments: [id, id, id])
                if db.changesCount > 0 { removed.insert(id) }
            }
            return removed
        }
    }

    // MARK: - Reads

    func attachment(_ id: String) throws -> AttachmentRecord? {
        try writer.read { db in try AttachmentRecord.fetchOne(db, key: id) }
    }

    /// The rooms messages carrying the attachment were sent to, in the order they were first sent.
    func rooms(of id: String) throws -> [String] {
        try writer.read { db in
            try String.fetchAll(
                db, sql: "SELECT room FROM binding WHERE attachmentID = ? GROUP BY room ORDER BY MIN(boundAt)",
                arguments: [id])
        }
    }

    /// Whether `user` imported the attachment and has not sent it yet, within its grace period.
    func hasPendingImport(of id: String, by user: String, now: Date) throws -> Bool {
        try writer.read { db in
            try PendingImportRecord.filter(key: ["attachmentID": id, "user": user])
                .filter(Column("until") > now).fetchCount(db) > 0
        }
    }

    /// Every attachment id the store knows, to find blob files nothing refers to.
    func allIDs() throws -> Set<String> {
        try writer.read { db in try Set(String.fetchAll(db, sql: "SELECT id FROM attachment")) }
    }
}
