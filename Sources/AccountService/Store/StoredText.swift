import Foundation
import GRDB

/// User-written text, stored as its UTF-8 bytes in a BLOB column.
///
/// GRDB binds and reads strings as C strings, so a TEXT column would cut them at the first NUL; text is kept
/// exactly as sent (making it safe to show is the views' job), so it goes in as bytes.
struct StoredText: Sendable, Hashable, Codable, DatabaseValueConvertible {
    var string: String

    init(_ string: String) { self.string = string }

    var databaseValue: DatabaseValue { Data(string.utf8).databaseValue }

    static func fromDatabaseValue(_ value: DatabaseValue) -> StoredText? {
        if let data = Data.fromDatabaseValue(value) { return StoredText(String(decoding: data, as: UTF8.self)) }
        return String.fromDatabaseValue(value).map(StoredText.init)
    }
}
