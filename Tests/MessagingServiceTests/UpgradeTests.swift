import GRDB
import ParleyContracts
import ParleyTestKit
import Testing

@testable import MessagingService

/// A data directory written by an earlier version must keep working after the service migrates it.
@Suite(.timeLimit(.minutes(1)))
struct UpgradeTests {
    @Test func messagesIndexedByTheFirstSchemaAreStillFoundAndNewOnesToo() async throws {
        let directory = TemporaryDirectory("messaging-upgrade")
        defer { directory.remove() }
        // Given a messages.sqlite at the first schema, with a message its trigger indexed
        try directory.dataDirectory.prepare()
        let old = try DatabaseQueue(path: directory.dataDirectory.file(MessageStore.fileName).path)
        try MessageStore.migrator.migrate(old, upTo: "v1")
        try await old.write { db in
            try db.execute(
                sql: """
                    INSERT INTO users (name, firstSeenAt) VALUES ('alice', 0);
                    INSERT INTO members (roomID, user, joinedAt, readUpTo) VALUES ('#general', 'alice', 0, 0);
                    INSERT INTO messages (id, roomID, sender, text, sentAt) VALUES ('old-1', '#general', 'alice',
                        'written before the upgrade', 0);
                    """)
        }
        try old.close()
        // When the service opens it and alice posts again
        try await MessagingFixture.run(in: directory) { service in
            let alice = service.token("alice")
            let new = try await service.send(alice, general, "written after the upgrade")
            // Then both are searchable, and an edit of the old one re-indexes it
            let both = try await service.call(.search(token: alice, text: "upgrade")).found
            #expect(both?.map(\.id) == [new.id, MessageID("old-1")])
            _ = try await service.call(.edit(token: alice, message: MessageID("old-1"), text: "rewritten"))
            #expect(try await service.call(.search(token: alice, text: "before")).found == [])
            #expect(
                try await service.call(.search(token: alice, text: "rewritten")).found?.map(\.id) == [
                    MessageID("old-1")
                ])
            // And the index holds each message's text once, exactly as stored (an index filled twice fails this)
            let check = try DatabaseQueue(path: directory.dataDirectory.file(MessageStore.fileName).path)
            try await check.write { db in
                try db.execute(sql: "INSERT INTO messageSearch (messageSearch, rank) VALUES ('integrity-check', 1)")
            }
        }
    }
}
