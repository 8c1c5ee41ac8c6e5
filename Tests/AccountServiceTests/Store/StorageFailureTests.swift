import AccountService
import Foundation
import ParleyContracts
import ParleyStorage
import ParleyTestKit
import Testing

@Suite(.timeLimit(.minutes(1)))
struct StorageFailureTests {
    enum Damage: String, CaseIterable {
        /// Something else entirely saved under the database's name.
        case notADatabase
        /// A database whose pages after the header were overwritten.
        case corrupt
    }

    @Test(arguments: Damage.allCases)
    func aDamagedStoreFailsTheStartWithASentenceNamingTheFile(damage: Damage) async throws {
        try await AccountHarness.run { harness in
            let url = harness.dataDirectory.file("accounts.sqlite")
            switch damage {
            case .notADatabase:
                try harness.dataDirectory.prepare()
                try Data(repeating: 0x41, count: 8_192).write(to: url)
            case .corrupt:
                try harness.dataDirectory.prepare()
                try await Self.makeCorruptStore(at: url)
            }
            let before = try Data(contentsOf: url)

            let account = await harness.start()

            #expect(await eventually { account.status.state == .failed })
            let lastError = try #require(account.status.lastError)
            let expected: StorageError = damage == .corrupt ? .corrupt(path: url.path) : .notADatabase(path: url.path)
            #expect(lastError.hasSuffix(expected.description))
            #expect(lastError.contains(url.path))
            #expect(!lastError.contains("\n"))
            // Nothing was written to the damaged file: what a recovery tool could save is still there.
            #expect(try Data(contentsOf: url) == before)
            await #expect(throws: (any Error).self) { try await account.register("alice") }
        }
    }

    /// A real store with an account in it, made in another directory and closed (so SQLite folds its
    /// write-ahead log into the file), copied to `url` with every page but the first overwritten.
    private static func makeCorruptStore(at url: URL) async throws {
        var bytes = Data()
        try await AccountHarness.run { template in
            let account = await template.start()
            _ = try await account.register("alice")
            await account.close()
            let log = template.databasePath + "-wal"
            #expect(await eventually { !FileManager.default.fileExists(atPath: log) })
            bytes = try Data(contentsOf: URL(fileURLWithPath: template.databasePath))
        }
        let pageSize = Int(bytes[16]) << 8 | Int(bytes[17])
        for index in pageSize..<bytes.count { bytes[index] = 0xA5 }
        try bytes.write(to: url)
    }
}
