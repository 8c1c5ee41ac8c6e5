import Foundation
import GRDB
import ParleyContracts
import ParleyStorage

/// What the messaging service keeps of a homeserver, `matrix-cache.sqlite` in the data directory, keyed by
/// account (the Matrix user id): rooms, members, synced and paged-back messages with a full-text index, the
/// sync `since` token and each room's back-pagination token. The app opens on it at once, and history,
/// scrolling and search work from it while the server is away.
///
/// Every method throws only `MessagingError`: storage failures become `.storageFailed`.
struct MatrixCache: Sendable {
    static let fileName = "matrix-cache.sqlite"
    /// Where synced events start numbering: events paged back get numbers below a room's lowest, so there
    /// is room below for a long history.
    static let firstSyncedSequence: Int64 = 1_000_000_000_000

    private let pool: DatabasePool

    init(directory: DataDirectory) throws(StorageError) {
        pool = try ServiceDatabase.open(Self.fileName, in: directory, migrator: Self.migrator)
    }

    func write<T>(_ body: (Database) throws -> T) throws(MessagingError) -> T {
        do {
            return try pool.write(body)
        } catch let error as MessagingError {
            throw error
        } catch {
            throw .storageFailed(String(describing: error))
        }
    }

    func read<T>(_ body: (Database) throws -> T) throws(MessagingError) -> T {
        do {
            return try pool.read(body)
        } catch let error as MessagingError {
            throw error
        } catch {
            throw .storageFailed(String(describing: error))
        }
    }

    // MARK: - Accounts

    /// The account an access token was last seen with, so the service starts offline on what it cached.
    func account(forToken token: String) throws(MessagingError) -> String? {
        try read { db in
            try String.fetchOne(db, sql: "SELECT account FROM accounts WHERE accessToken = ?", arguments: [token])
        }
    }

    func remember(account: String, token: String) throws(MessagingError) {
        try write { db in
            try db.execute(
                sql: """
                    INSERT INTO accounts(account, accessToken, nextSequence, lastUsedAt) VALUES (?, ?, ?, ?)
                    ON CONFLICT(account) DO UPDATE SET
                        accessToken = excluded.accessToken, lastUsedAt = excluded.lastUsedAt
                    """, arguments: [account, token, Self.firstSyncedSequence, Date().timeIntervalSince1970])
        }
    }

    /// The account signed in most recently and its token: whose sync a restarted service resumes.
    func lastAccount() throws(MessagingError) -> (account: String, token: String)? {
        try read { db in
            try Row.fetchOne(db, sql: "SELECT account, accessToken FROM accounts ORDER BY lastUsedAt DESC LIMIT 1")
                .map { ($0["account"], $0["accessToken"]) }
        }
    }

    /// Where the next sync starts: nil before the first.
    func since(account: String) throws(MessagingError) -> String? {
        try read { db in
            try String.fetchOne(db, sql: "SELECT since FROM accounts WHERE account = ?", arguments: [account])
        }
    }

    /// The next number for a synced event, taken.
    static func takeSequence(_ db: Database, account: String) throws -> Int64 {
        let next =
            try Int64.fetchOne(db, sql: "SELECT nextSequence FROM accounts WHERE account = ?", arguments: [account])
            ?? firstSyncedSequence
        try db.execute(
            sql: "UPDATE accounts SET nextSequence = ? WHERE account = ?", arguments: [next + 1, account])
        return next
    }

    // MARK: - Schema

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(
                sql: """
                    CREATE TABLE accounts (
                        account TEXT PRIMARY KEY NOT NULL,
                        accessToken TEXT NOT NULL,
                        since TEXT,
                        directs TEXT,
                        lastUsedAt DOUBLE NOT NULL DEFAULT 0,
                        nextSequence INTEGER NOT NULL
                    );
                    CREATE TABLE rooms (
                        account TEXT NOT NULL,
                        id TEXT NOT NULL,
                        name TEXT NOT NULL,
                        alias TEXT,
                        kind TEXT NOT NULL DEFAULT 'public',
                        directWith TEXT,
                        isEncrypted BOOLEAN NOT NULL DEFAULT 0,
                        unread INTEGER NOT NULL DEFAULT 0,
                        backToken TEXT,
                        reachedStart BOOLEAN NOT NULL DEFAULT 0,
                        PRIMARY KEY (account, id)
                    );
                    CREATE TABLE members (
                        account TEXT NOT NULL,
                        roomID TEXT NOT NULL,
                        user TEXT NOT NULL,
                        PRIMARY KEY (account, roomID, user)
                    );
                    CREATE TABLE messages (
                        rowid INTEGER PRIMARY KEY,
                        account TEXT NOT NULL,
                        eventID TEXT NOT NULL,
                        id TEXT NOT NULL,
                        roomID TEXT NOT NULL,
                        sender TEXT NOT NULL,
                        text TEXT NOT NULL,
                        sentAt DOUBLE NOT NULL,
                        editedAt DOUBLE,
                        isDeleted BOOLEAN NOT NULL DEFAULT 0,
                        replyTo TEXT,
                        attachments TEXT NOT NULL DEFAULT '[]',
                        notice TEXT,
                        sequence INTEGER NOT NULL,
                        UNIQUE (account, eventID)
                    );
                    CREATE INDEX messagesByRoom ON messages(account, roomID, sequence);
                    CREATE INDEX messagesByID ON messages(account, id);
                    CREATE VIRTUAL TABLE messageSearch USING fts5(
                        text, content = 'messages', content_rowid = 'rowid',
                        tokenize = 'unicode61 remove_diacritics 2'
                    );
                    CREATE TRIGGER messagesIndexInsert AFTER INSERT ON messages BEGIN
                        INSERT INTO messageSearch(rowid, text) VALUES (new.rowid, new.text);
                    END;
                    CREATE TRIGGER messagesIndexUpdate AFTER UPDATE OF text ON messages BEGIN
                        INSERT INTO messageSearch(messageSearch, rowid, text) VALUES ('delete', old.rowid, old.text);
                        INSERT INTO messageSearch(rowid, text) VALUES (new.rowid, new.text);
                    END;
                    CREATE TRIGGER messagesIndexDelete AFTER DELETE ON messages BEGIN
                        INSERT INTO messageSearch(messageSearch, rowid, text) VALUES ('delete', old.rowid, old.text);
                    END;
                    """)
        }
        migrator.registerMigration("v2-reactions", migrate: createReactions)
        migrator.registerMigration("v3-receipts", migrate: createReceipts)
        return migrator
    }
}
