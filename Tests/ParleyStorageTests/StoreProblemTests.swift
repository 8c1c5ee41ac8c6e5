import Foundation
import GRDB
import ParleyStorage
import ParleyTestKit
import Testing

/// Issue 9, defects 6 and 7: a store that cannot be used says which file and what is wrong, in words a user
/// can act on; what Parley made is private; what it did not make is named with the command that fixes it.
struct StoreProblemTests {
    static func open(_ directory: TemporaryDirectory) throws(StorageError) -> DatabasePool {
        try ServiceDatabase.open("things.sqlite", in: directory.dataDirectory, migrator: .init())
    }

    static func mode(of path: String) throws -> Int? {
        try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
    }

    @Test func aDirectoryInPlaceOfTheDatabaseIsCalledOneNotADiskError() throws {
        let directory = TemporaryDirectory("store-dir")
        defer { directory.remove() }
        let url = directory.dataDirectory.file("things.sqlite")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        #expect(throws: StorageError.isADirectory(path: url.path)) { try Self.open(directory) }
        #expect(StorageError.isADirectory(path: url.path).description.contains("is a directory, not a database"))
    }

    @Test func anUnreadableFileIsSaidToBeUnreadable() {
        let problem = StorageError.unreadable(path: "/d/accounts.sqlite", reason: "Permission denied")
        #expect(problem.description.hasPrefix("cannot read /d/accounts.sqlite: Permission denied"))
    }

    /// The check that refuses a damaged store reads it only: no `-wal` or `-shm` is left beside it.
    @Test func aHalfTruncatedStoreIsRefusedWithNothingCreatedBesideIt() throws {
        let directory = TemporaryDirectory("store-half")
        defer { directory.remove() }
        let url = directory.dataDirectory.file("things.sqlite")
        do {
            let pool = try Self.open(directory)
            try pool.write { db in
                try db.execute(sql: "CREATE TABLE t(x)")
                for number in 0..<2_000 { try db.execute(sql: "INSERT INTO t VALUES (?)", arguments: [number]) }
            }
            try pool.close()
        }
        let bytes = try Data(contentsOf: url)
        try bytes.prefix(bytes.count / 2).write(to: url)
        #expect(throws: StorageError.self) {
            let pool = try ServiceDatabase.open(
                "things.sqlite", in: directory.dataDirectory, migrator: .init(), check: .full)
            _ = pool
        }
        #expect(!FileManager.default.fileExists(atPath: url.path + "-wal"))
        #expect(!FileManager.default.fileExists(atPath: url.path + "-shm"))
    }

    @Test func aStoreLeftOpenToOthersIsMadePrivate() throws {
        let directory = TemporaryDirectory("store-mode")
        defer { directory.remove() }
        let url = directory.dataDirectory.file("things.sqlite")
        try Self.open(directory).close()
        chmod(url.path, 0o666)
        _ = try Self.open(directory)
        #expect(try Self.mode(of: url.path) == 0o600)
    }

    @Test func aDataDirectoryOpenToOthersIsNamedWithTheCommandThatClosesIt() throws {
        let directory = TemporaryDirectory("store-exposed")
        defer { directory.remove() }
        try directory.dataDirectory.prepare()
        #expect(directory.dataDirectory.exposure() == nil)
        chmod(directory.dataDirectory.path, 0o777)
        let path = directory.dataDirectory.path
        #expect(
            directory.dataDirectory.exposure()
                == "the data directory \(path) is open to other users (mode 777); make it yours alone with chmod 700 \(path)"
        )
    }
}
