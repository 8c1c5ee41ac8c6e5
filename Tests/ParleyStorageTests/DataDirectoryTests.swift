import Foundation
import GRDB
import ParleyStorage
import ParleyTestKit
import Testing

struct DataDirectoryTests {
    @Test(
        arguments: [
            ("/given", ["PARLEY_DATA": "/env", "XDG_DATA_HOME": "/xdg", "HOME": "/home/a"], "/given"),
            (nil, ["PARLEY_DATA": "/env", "XDG_DATA_HOME": "/xdg", "HOME": "/home/a"], "/env"),
            (nil, ["XDG_DATA_HOME": "/xdg", "HOME": "/home/a"], "/xdg/parley"),
            (nil, ["PARLEY_DATA": "", "HOME": "/home/a"], "/home/a/.local/share/parley"),
        ] as [(String?, [String: String], String)])
    func resolvesInTheDocumentedOrder(explicit: String?, environment: [String: String], expected: String) {
        #expect(DataDirectory.resolve(explicit: explicit, environment: environment).path == expected)
    }

    @Test func isCreatedPrivateToItsOwner() throws {
        let temporary = TemporaryDirectory("data")
        defer { temporary.remove() }
        let directory = DataDirectory(temporary.url.appendingPathComponent("nested/parley"))
        try directory.prepare()
        let mode = try FileManager.default.attributesOfItem(atPath: directory.path)[.posixPermissions] as? Int
        #expect(mode == 0o700)
    }

    @Test func aFileInTheWayIsNamed() throws {
        let temporary = TemporaryDirectory("data")
        defer { temporary.remove() }
        let blocker = temporary.file("parley")
        try Data("x".utf8).write(to: blocker)
        #expect(throws: StorageError.self) { try DataDirectory(blocker).prepare() }
    }
}

struct ServiceDatabaseTests {
    @Test func databaseFilesArePrivateAndInWALMode() throws {
        let temporary = TemporaryDirectory("db")
        defer { temporary.remove() }
        let pool = try ServiceDatabase.open("things.sqlite", in: temporary.dataDirectory, migrator: .init())
        let journal = try pool.read { try String.fetchOne($0, sql: "PRAGMA journal_mode") }
        #expect(journal == "wal")
        try pool.write { try $0.execute(sql: "CREATE TABLE t(x)") }
        for name in ["things.sqlite", "things.sqlite-wal"] {
            let path = temporary.dataDirectory.file(name).path
            let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
            #expect(mode == 0o600, "\(name) is not private")
        }
    }

    @Test func aFileThatIsNotADatabaseIsNamedWithWhatToDo() throws {
        let temporary = TemporaryDirectory("db")
        defer { temporary.remove() }
        try temporary.dataDirectory.prepare()
        let url = temporary.dataDirectory.file("things.sqlite")
        try Data(repeating: 0x41, count: 4096).write(to: url)
        do {
            _ = try ServiceDatabase.open("things.sqlite", in: temporary.dataDirectory, migrator: .init())
            Issue.record("opened a file that is not a database")
        } catch {
            #expect(error == .notADatabase(path: url.path))
            #expect(error.description.contains(url.path))
            #expect(error.description.contains("move it aside"))
        }
    }
}
