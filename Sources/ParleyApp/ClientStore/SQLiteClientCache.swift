import Foundation
import GRDB
import ParleyCore

/// Each user's rooms as last shown, one row of `client.sqlite` per user, replaced whole at each write (the
/// writer coalesces them, off the app's loop).
struct SQLiteClientCache: ClientCache {
    let database: ClientDatabase

    func save(_ view: CachedView, user: String) throws {
        let data = try JSONEncoder().encode(view)
        try database.write { db in
            try db.execute(
                sql: "INSERT OR REPLACE INTO cachedViews (user, view) VALUES (?, ?)", arguments: [user, data])
        }
    }

    func view(of user: String) throws -> CachedView? {
        let data = try database.read { db in
            try Data.fetchOne(db, sql: "SELECT view FROM cachedViews WHERE user = ?", arguments: [user])
        }
        guard let data else { return nil }
        do {
            return try JSONDecoder().decode(CachedView.self, from: data)
        } catch {
            // A view another version wrote: nothing to show, and the next write replaces it.
            return nil
        }
    }
}
