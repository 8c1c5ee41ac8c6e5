import Foundation
import ParleyContracts
import ParleyCore
import ParleyStorage
import ParleyTestKit
import Testing

@testable import ParleyApp

/// The outbox in `client.sqlite`: several app instances of one user (several stores on one data directory)
/// add and remove their own messages; none wipes what another left.
struct OutboxStoreTests {
    static func message(_ id: String, _ text: String) -> PendingMessage {
        PendingMessage(id: MessageID(id), room: RoomID("r1"), text: text, isQueued: true)
    }

    /// The outbox as one app instance sees it: its own lock held until `instance.release()`.
    static func store(on directory: TemporaryDirectory) -> SQLiteOutboxStore {
        SQLiteOutboxStore(
            database: ClientDatabase(directory: directory.dataDirectory),
            instance: InstanceLock(id: UUID().uuidString, directory: directory.dataDirectory))
    }

    /// Defect 1 of issue 9: terminal 1 queues five messages, terminal 2 (same user) sends one, which is
    /// delivered; the outbox used to be rewritten whole by terminal 2, as `[]`.
    @Test func aSecondInstanceOfTheUserKeepsWhatTheFirstLeft() throws {
        let directory = TemporaryDirectory("outbox-two")
        defer { directory.remove() }
        // Given two app instances of alice on one data directory
        let first = Self.store(on: directory)
        let second = Self.store(on: directory)
        // When the first queues five messages and the second sends one, confirmed at once
        for number in 1...5 { try first.add(Self.message("a-\(number)", "r\(number)"), user: "alice") }
        try second.add(Self.message("b-1", "from terminal 2"), user: "alice")
        try second.remove([MessageID("b-1")], user: "alice")
        // Then, once the first has ended, the next sign-in (a third instance) finds the five, in the order they
        // were written
        first.instance.release()
        let next = Self.store(on: directory)
        #expect(try next.items(of: "alice").map(\.text) == ["r1", "r2", "r3", "r4", "r5"])
        #expect(try next.items(of: "bob").isEmpty)
    }

    @Test func addingAMessageTwiceKeepsItOnceInItsFirstPlace() throws {
        let directory = TemporaryDirectory("outbox-twice")
        defer { directory.remove() }
        let store = Self.store(on: directory)
        try store.add(Self.message("a-1", "one"), user: "alice")
        try store.add(Self.message("a-2", "two"), user: "alice")
        try store.add(Self.message("a-1", "one"), user: "alice")
        #expect(try store.items(of: "alice").map(\.text) == ["one", "two"])
        // Read back, every item waits to be sent, whatever it was doing when written.
        try store.add(PendingMessage(id: MessageID("a-3"), room: RoomID("r1"), text: "in flight"), user: "alice")
        #expect(try store.items(of: "alice").map(\.isQueued) == [true, true, true])
    }

    @Test func theDatabaseIsPrivateToItsOwner() throws {
        let directory = TemporaryDirectory("outbox-mode")
        defer { directory.remove() }
        try Self.store(on: directory).add(Self.message("a-1", "one"), user: "alice")
        let file = directory.dataDirectory.file(ClientDatabase.fileName)
        let attributes = try FileManager.default.attributesOfItem(atPath: file.path)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
    }

    /// Upgrading keeps what an earlier version left unsent in `outbox/NAME.json`: read once, then removed.
    @Test func theOutboxFileOfAnEarlierVersionIsTakenInOnce() throws {
        let directory = TemporaryDirectory("outbox-legacy")
        defer { directory.remove() }
        let legacy = try directory.dataDirectory.prepare(subdirectory: "outbox").appendingPathComponent("alice.json")
        try JSONEncoder().encode([Self.message("old-1", "from yesterday")]).write(to: legacy)
        let store = Self.store(on: directory)
        #expect(try store.items(of: "alice").map(\.text) == ["from yesterday"])
        #expect(!FileManager.default.fileExists(atPath: legacy.path))
        try store.add(Self.message("a-1", "today"), user: "alice")
        #expect(try store.items(of: "alice").map(\.text) == ["from yesterday", "today"])
    }

    @Test func aDatabaseThatCannotBeOpenedSaysWhichFileAndWhy() throws {
        let directory = TemporaryDirectory("outbox-broken")
        defer { directory.remove() }
        try directory.dataDirectory.prepare()
        try Data("not a database at all, just some text".utf8).write(
            to: directory.dataDirectory.file(ClientDatabase.fileName))
        let store = Self.store(on: directory)
        #expect(throws: StorageError.notADatabase(path: directory.dataDirectory.file(ClientDatabase.fileName).path)) {
            try store.add(Self.message("a-1", "one"), user: "alice")
        }
    }

    /// Issue 9: a running instance sends only its own rows while the instance that wrote the others runs; once
    /// that one has ended (killed: its lock goes with its process), one instance takes its rows over, in order.
    @Test func whatAnEndedInstanceLeftIsTakenOverOnceWhileALiveOnesRowsStayItsOwn() throws {
        let directory = TemporaryDirectory("outbox-owners")
        defer { directory.remove() }
        // Given instance A of alice with three queued messages, and instances B and C of alice running
        let first = Self.store(on: directory)
        for number in 1...3 { try first.add(Self.message("a-\(number)", "a\(number)"), user: "alice") }
        let second = Self.store(on: directory)
        let third = Self.store(on: directory)
        try second.add(Self.message("b-1", "b1"), user: "alice")
        // While A runs, B reads only its own row
        #expect(try second.items(of: "alice").map(\.text) == ["b1"])
        // When A ends, B takes A's rows over, in the outbox's order, and C, reading next, finds none of them
        first.instance.release()
        #expect(try second.items(of: "alice").map(\.text) == ["a1", "a2", "a3", "b1"])
        #expect(try third.items(of: "alice").isEmpty)
        // and the ended instance's lock file is gone
        let locks = try FileManager.default.contentsOfDirectory(
            atPath: directory.dataDirectory.url.appendingPathComponent(InstanceLock.folder).path)
        #expect(!locks.contains("\(first.instance.id).lock"))
    }

    /// A queued file taken in is kept in its place as the attachment it became, not as the path it was.
    @Test func aReplacedItemKeepsItsPlaceAndCarriesItsNewContent() throws {
        let directory = TemporaryDirectory("outbox-replace")
        defer { directory.remove() }
        let store = Self.store(on: directory)
        let file = AttachmentReference(id: "abc", name: "note.txt", size: 21, mediaType: "text/plain")
        try store.add(
            PendingMessage(id: MessageID("a-1"), room: RoomID("r1"), text: "", file: "/tmp/note.txt"), user: "alice")
        try store.add(Self.message("a-2", "after"), user: "alice")
        try store.replace(
            PendingMessage(id: MessageID("a-1"), room: RoomID("r1"), text: "", attachments: [file]), user: "alice")
        let items = try store.items(of: "alice")
        #expect(items.map(\.id) == [MessageID("a-1"), MessageID("a-2")])
        #expect(items.first?.file == nil)
        #expect(items.first?.attachments == [file])
    }
}
