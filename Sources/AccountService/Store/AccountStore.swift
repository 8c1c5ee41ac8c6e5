import Foundation
import GRDB
import ParleyStorage

/// The account service's own database, `accounts.sqlite`: accounts, presence and failed sign-ins.
///
/// Writes are named for what they mean; each is one IMMEDIATE transaction, so writers in other processes
/// wait their turn (busy timeout) instead of failing.
struct AccountStore: Sendable {
    static let fileName = "accounts.sqlite"

    private let writer: DatabasePool
    let path: String

    /// Opens (creating and migrating) the store; a file that is not a usable database is named in the error.
    init(in directory: DataDirectory) throws(StorageError) {
        // The accounts store is small, so the thorough check is quick.
        writer = try ServiceDatabase.open(Self.fileName, in: directory, migrator: Self.migrator, check: .full)
        path = directory.file(Self.fileName).path
    }

    // MARK: - Accounts

    /// Adds `account` with the next revision; returns nil when the name is taken (by any process).
    func createAccount(_ account: AccountRecord) throws -> AccountRecord? {
        try writer.write { db in
            var account = account
            account.revision = try Self.nextRevision(db)
            do {
                try account.insert(db)
            } catch let error as DatabaseError where error.extendedResultCode == .SQLITE_CONSTRAINT_PRIMARYKEY {
                return nil
            }
            return account
        }
    }

    func replacePassword(of name: String, with password: PasswordHash) throws {
        try writer.write { db in
            guard var account = try AccountRecord.fetchOne(db, key: name) else { return }
            account.password = password
            try account.update(db)
        }
    }

    /// Sets what is given; returns the profile as it now is, or nil when there is no such account. Nothing is
    /// written (and no revision spent) when nothing differs.
    func updateProfile(of name: String, displayName: String?, status: String?) throws -> ProfileRow? {
        try writer.write { db in
            guard var account = try AccountRecord.fetchOne(db, key: name) else { return nil }
            let before = account
            if let displayName {
                account.displayName = StoredText(displayName)
                account.displayNameFolded = StoredText(displayName.lowercased())
            }
            if let status { account.status = StoredText(status) }
            if account != before {
                account.revision = try Self.nextRevision(db)
                try account.update(db)
            }
            return ProfileRow(account: account, presence: try PresenceRecord.fetchOne(db, key: name))
        }
    }

    func account(named name: String) throws -> AccountRecord? {
        try writer.read { db in try AccountRecord.fetchOne(db, key: name) }
    }

    /// The profiles of those of `names` that exist.
    func profiles(named names: [String]) throws -> [ProfileRow] {
        try writer.read { db in
            try Self.withPresence(AccountRecord.fetchAll(db, keys: names), db)
        }
    }

    /// Users whose name or folded display name contains `folded`, by name. The display name is compared as
    /// bytes, as it is stored.
    func directory(matching folded: String, limit: Int) throws -> [ProfileRow] {
        try writer.read { db in
            let accounts = try AccountRecord.fetchAll(
                db,
                sql: """
                    SELECT * FROM account WHERE instr(name, ?) > 0 OR instr(display_name_folded, ?) > 0
                    ORDER BY name LIMIT ?
                    """, arguments: [folded, StoredText(folded), limit])
            return try Self.withPresence(accounts, db)
        }
    }

    private static func nextRevision(_ db: Database) throws -> Int {
        try Int.fetchOne(db, sql: "SELECT IFNULL(MAX(revision), 0) + 1 FROM account") ?? 1
    }

    private static func withPresence(_ accounts: [AccountRecord], _ db: Database) throws -> [ProfileRow] {
        let presence = try PresenceRecord.fetchAll(db, keys: accounts.map(\.name))
        let byName = Dictionary(presence.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        return accounts.map { ProfileRow(account: $0, presence: byName[$0.name]) }
    }

    // MARK: - Presence

    func recordHeartbeat(of name: String, state: String, at now: Date) throws {
        try writer.write { db in
            try PresenceRecord(name: name, state: state, lastSeen: now).upsert(db)
        }
    }

    /// Profiles changed after `revision` and every presence row, read together so they agree.
    func changes(after revision: Int) throws -> (profiles: [ProfileRow], presence: [PresenceRecord]) {
        try writer.read { db in
            let accounts = try AccountRecord.filter(Column("revision") > revision).order(Column("revision")).fetchAll(
                db)
            return (try Self.withPresence(accounts, db), try PresenceRecord.fetchAll(db))
        }
    }

    func presenceRows() throws -> [PresenceRecord] {
        try writer.read { db in try PresenceRecord.fetchAll(db) }
    }

    func latestRevision() throws -> Int {
        try writer.read { db in try Int.fetchOne(db, sql: "SELECT IFNULL(MAX(revision), 0) FROM account") ?? 0 }
    }

    // MARK: - Failed sign-ins

    func failedSignIns(for name: String) throws -> FailedSignIns? {
        try writer.read { db in try FailedSignInRecord.fetchOne(db, key: name)?.value }
    }

    /// Records one more failure for `name`, read and written in one transaction so that failures in two
    /// processes at once are both counted; forgets failures older than `forgetBefore` on the way.
    func recordFailedSignIn(
        for name: String, forgetBefore: Date, _ next: @Sendable (FailedSignIns?) -> FailedSignIns
    ) throws {
        try writer.write { db in
            try FailedSignInRecord.filter(Column("last_failure") < forgetBefore.timeIntervalSince1970).deleteAll(db)
            let current = try FailedSignInRecord.fetchOne(db, key: name)?.value
            try FailedSignInRecord(name: name, next(current)).upsert(db)
        }
    }

    func forgetFailedSignIns(for name: String) throws {
        _ = try writer.write { db in try FailedSignInRecord.deleteOne(db, key: name) }
    }
}
