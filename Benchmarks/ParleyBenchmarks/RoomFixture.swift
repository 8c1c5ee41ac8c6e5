import AccountService
import Foundation
import GRDB
import MessagingService
import ParleyStorage
import ServiceRuntime
import Synchronization

/// A data directory as a long-standing user's: the account `bench` and #general holding `count` messages from
/// someone else. The services make the account and the messaging store's schema; the messages go straight
/// into the store's tables in one transaction, the search index rebuilt once after them, so that a million
/// take seconds.
struct RoomFixture: Sendable {
    static let user = "bench"
    static let password = "benchpass123"
    let directory: ScratchDirectory
    let count: Int

    /// Text that is on screen exactly when message `index` is: zero-padded, so no message's number is part of
    /// another's, and at the start of the text, so that the width of the screen never cuts it.
    static func marker(_ index: Int) -> String { String(format: "history %07d,", index) }

    /// The command that signs in to the fixture's account.
    static var login: String { "/login \(user) \(password)\r" }

    static func make(count: Int) async throws -> RoomFixture {
        let directory = try ScratchDirectory("fixture")
        do {
            try await populate(DataDirectory(directory.root), count: count)
        } catch {
            directory.remove()
            throw error
        }
        return RoomFixture(directory: directory, count: count)
    }

    private static func populate(_ data: DataDirectory, count: Int) async throws {
        let service = ServiceConfiguration(defaultTimeout: .seconds(60))
        let accounts = AccountService.makeHost(dataDirectory: data, configuration: service)
        await accounts.start()
        _ = try await accounts.request(.register(name: user, password: password, displayName: nil))
        await accounts.close()
        // Starting the host creates messages.sqlite with the service's own migrations, #general included.
        let messaging = MessagingService.makeHost(dataDirectory: data, configuration: service)
        await messaging.start()
        await messaging.close()

        let started = ContinuousClock.now
        // The service's connections may still be closing: wait for their locks rather than fail.
        var configuration = Configuration()
        configuration.busyMode = .timeout(30)
        let database = try DatabaseQueue(path: data.file("messages.sqlite").path, configuration: configuration)
        try await database.write { db in
            try fill(db, count: count)
            try db.execute(sql: "INSERT INTO messageSearch (messageSearch) VALUES ('rebuild')")
        }
        try database.close()
        figure("terminal.fixture.messages_\(count)", nanoseconds(ContinuousClock.now - started) / 1e9, "s")
    }

    /// `count` messages, one a second up to now, each with its marker and eight made-up words drawn from the
    /// index, so that the search index has realistic variety.
    private static func fill(_ db: Database, count: Int) throws {
        let syllables = "'kalominerutavozipesadofu'"
        func word(_ multiplier: Int) -> String {
            (0..<3).map { step in
                "substr(\(syllables), 1 + 2 * (((i + \(step)) * \(multiplier + 7 * step)) % 12), 2)"
            }.joined(separator: " || ")
        }
        let words = [3, 5, 11, 13, 17, 19, 23, 29].map(word).joined(separator: ", ")
        try db.execute(
            sql: """
                WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < ?)
                INSERT INTO messages (id, roomID, sender, text, sentAt)
                SELECT printf('fixture-%07d', i), '#general', 'filler',
                    printf('history %07d, %s %s %s %s %s %s %s %s', i, \(words)), ? + i
                FROM n
                """,
            arguments: [count - 1, Date().timeIntervalSince1970 - Double(count)])
    }

    func remove() { directory.remove() }
}

/// Fixtures made at most once per run, on first use, shared by the benchmarks that read them (Parley adds only
/// read markers and its caches), and removed when the run ends.
enum SharedFixtures {
    private static let made = Mutex<[Int: RoomFixture]>([:])

    static func room(of count: Int) async throws -> RoomFixture {
        if let fixture = made.withLock({ $0[count] }) { return fixture }
        let fixture = try await RoomFixture.make(count: count)
        let isFirst = made.withLock { made in
            made[count] = fixture
            return made.count == 1
        }
        if isFirst { atexit { SharedFixtures.removeAll() } }
        return fixture
    }

    static func removeAll() {
        for fixture in made.withLock({ $0.values }) { fixture.remove() }
    }
}
