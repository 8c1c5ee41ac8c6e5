import Foundation
import GRDB

extension MessageStore {
    /// Every schema version from the first on; a version once shipped is never edited, only followed.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(
                sql: """
                    CREATE TABLE users (
                        name TEXT PRIMARY KEY NOT NULL,
                        firstSeenAt DOUBLE NOT NULL
                    );
                    CREATE TABLE rooms (
                        id TEXT PRIMARY KEY NOT NULL,
                        kind TEXT NOT NULL,
                        name TEXT NOT NULL,
                        createdAt DOUBLE NOT NULL,
                        createdBy TEXT NOT NULL
                    );
                    CREATE TABLE members (
                        roomID TEXT NOT NULL REFERENCES rooms(id),
                        user TEXT NOT NULL,
                        joinedAt DOUBLE NOT NULL,
                        readUpTo INTEGER NOT NULL DEFAULT 0,
                        PRIMARY KEY (roomID, user)
                    );
                    CREATE INDEX membersByUser ON members(user);
                    -- AUTOINCREMENT: a sequence is never reused, even after the newest row is removed, so
                    -- cursors and read markers keep their meaning.
                    CREATE TABLE messages (
                        sequence INTEGER PRIMARY KEY AUTOINCREMENT,
                        id TEXT NOT NULL UNIQUE,
                        roomID TEXT NOT NULL REFERENCES rooms(id),
                        sender TEXT NOT NULL,
                        text TEXT NOT NULL,
                        sentAt DOUBLE NOT NULL,
                        editedAt DOUBLE,
                        isDeleted BOOLEAN NOT NULL DEFAULT 0,
                        replyTo TEXT,
                        attachments TEXT NOT NULL DEFAULT '[]'
                    );
                    CREATE INDEX messagesByRoom ON messages(roomID, sequence);
                    -- An external-content index: the text lives once, in messages; triggers keep it in step.
                    CREATE VIRTUAL TABLE messageSearch USING fts5(
                        text, content = 'messages', content_rowid = 'sequence',
                        tokenize = 'unicode61 remove_diacritics 2'
                    );
                    CREATE TRIGGER messagesIndexInsert AFTER INSERT ON messages BEGIN
                        INSERT INTO messageSearch(rowid, text) VALUES (new.sequence, new.text);
                    END;
                    CREATE TRIGGER messagesIndexUpdate AFTER UPDATE OF text ON messages BEGIN
                        INSERT INTO messageSearch(messageSearch, rowid, text) VALUES ('delete', old.sequence, old.text);
                        INSERT INTO messageSearch(rowid, text) VALUES (new.sequence, new.text);
                    END;
                    CREATE TRIGGER messagesIndexDelete AFTER DELETE ON messages BEGIN
                        INSERT INTO messageSearch(messageSearch, rowid, text) VALUES ('delete', old.sequence, old.text);
                    END;
                    CREATE TABLE changes (
                        sequence INTEGER PRIMARY KEY AUTOINCREMENT,
                        kind TEXT NOT NULL,
                        roomID TEXT NOT NULL,
                        user TEXT,
                        message INTEGER
                    );
                    """)
            // `#general` exists from the first start, so that every newcomer has somewhere to talk.
            try RoomRecord(
                id: generalRoom, kind: .publicRoom, name: generalRoom, createdAt: Date().timeIntervalSince1970,
                createdBy: ""
            ).insert(db)
        }
        migrator.registerMigration("v2-index-new-messages-explicitly") { db in
            // An insert that fires a trigger runs inside a statement savepoint, and FTS5 writes its pending
            // terms out as a new index segment at every savepoint: a batch of 64 posts wrote 64 segments,
            // which automerge then had to merge again. `MessageRecord.insert` now indexes a new message
            // itself, so that a transaction's posts become one segment. Edits and deletions are rare and keep
            // their triggers.
            try db.execute(sql: "DROP TRIGGER messagesIndexInsert")
        }
        migrator.registerMigration("v3-reactions", migrate: createReactions)
        migrator.registerMigration("v4-typing", migrate: createTyping)
        migrator.registerMigration("v5-receipts", migrate: createReceipts)
        return migrator
    }
}
