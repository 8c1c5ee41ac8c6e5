import Foundation
import GRDB
import ParleyContracts

/// One row of `presence`: what a user last said about being around, and when.
struct PresenceRecord: Sendable, Equatable {
    var name: String
    /// `online`, `away` or `offline`, as the last heartbeat said.
    var state: String
    var lastSeen: Date

    /// The presence others see at `now`: offline once no heartbeat came within `timeout`.
    func effective(at now: Date, timeout: TimeInterval) -> Presence {
        guard now.timeIntervalSince(lastSeen) <= timeout else { return .offline }
        return Presence(rawValue: state) ?? .offline
    }
}

extension PresenceRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "presence"
    static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase
    static let databaseColumnEncodingStrategy = DatabaseColumnEncodingStrategy.convertToSnakeCase
    static let databaseDateDecodingStrategy = DatabaseDateDecodingStrategy.timeIntervalSince1970
    static let databaseDateEncodingStrategy = DatabaseDateEncodingStrategy.timeIntervalSince1970
}
