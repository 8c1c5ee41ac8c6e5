import GRDB

extension AccountStore {
    /// Every schema version from the first on; a released migration is never edited, only followed by another.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: accounts, presence and failed sign-ins") { db in
            try db.create(table: "account") { table in
                table.primaryKey("name", .text)
                // User-written text is kept as UTF-8 bytes (see StoredText).
                table.column("display_name", .blob).notNull()
                table.column("display_name_folded", .blob).notNull()
                table.column("status", .blob).notNull()
                // Algorithm and cost beside each hash, so the cost can be raised and old hashes still verify.
                table.column("password_algorithm", .text).notNull()
                table.column("password_rounds", .integer).notNull()
                table.column("password_block_size", .integer).notNull()
                table.column("password_parallelism", .integer).notNull()
                table.column("password_salt", .blob).notNull()
                table.column("password_hash", .blob).notNull()
                table.column("created_at", .double).notNull()
                table.column("revision", .integer).notNull().indexed()
            }
            try db.create(table: "presence") { table in
                table.primaryKey("name", .text).references("account", onDelete: .cascade)
                table.column("state", .text).notNull()
                table.column("last_seen", .double).notNull()
            }
            try db.create(table: "failed_sign_in") { table in
                table.primaryKey("name", .text)
                table.column("failures", .integer).notNull()
                table.column("last_failure", .double).notNull().indexed()
            }
        }
        return migrator
    }
}
