import Foundation
import GRDB
import ParleyStorage
import ParleyTestKit
import Testing

struct ServiceDatabaseLockTests {
    static func migrator() -> DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in try db.create(table: "things") { $0.column("name", .text) } }
        return migrator
    }

    @Test(.timeLimit(.minutes(1)))
    func aStoreLockedByAnotherProgramIsNamedWithWhatToDo() throws {
        // Given a store whose write lock another program holds (a second connection takes the same file lock)
        let temporary = TemporaryDirectory("locked")
        defer { temporary.remove() }
        try temporary.dataDirectory.prepare()
        let url = temporary.dataDirectory.file("things.sqlite")
        let foreign = try DatabaseQueue(path: url.path)
        let (locked, letGo) = (DispatchSemaphore(value: 0), DispatchSemaphore(value: 0))
        // The lock is held inside one database access, on a thread of its own, until the test lets it go.
        let holder = Thread {
            try? foreign.inDatabase { db in
                try db.execute(sql: "CREATE TABLE other (x)")
                try db.execute(sql: "BEGIN EXCLUSIVE")
                locked.signal()
                letGo.wait()
                try db.execute(sql: "ROLLBACK")
            }
        }
        holder.start()
        locked.wait()
        defer { letGo.signal() }

        // When a service opens (and so migrates) it
        do {
            _ = try ServiceDatabase.open(
                "things.sqlite", in: temporary.dataDirectory, migrator: Self.migrator(), busyTimeout: 0.2)
            Issue.record("opened a store another program holds locked")
        } catch {
            // Then the error names the file and what to do
            #expect(error == .locked(path: url.path))
            #expect(error.description == "\(url.path) is locked by another program; close that program and try again")
        }
    }

    @Test func onceTheOtherProgramLetsGoTheStoreOpens() throws {
        let temporary = TemporaryDirectory("unlocked")
        defer { temporary.remove() }
        try temporary.dataDirectory.prepare()
        let url = temporary.dataDirectory.file("things.sqlite")
        let foreign = try DatabaseQueue(path: url.path)
        try foreign.inDatabase { db in
            try db.execute(sql: "BEGIN EXCLUSIVE")
            try db.execute(sql: "ROLLBACK")
        }
        let pool = try ServiceDatabase.open(
            "things.sqlite", in: temporary.dataDirectory, migrator: Self.migrator(), busyTimeout: 0.2)
        #expect(try pool.read { try $0.tableExists("things") })
    }
}
