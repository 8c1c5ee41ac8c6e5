import Foundation
import GRDB

/// One row of `failed_sign_in`: failures for a name, whether or not an account has it, so that throttling
/// does not tell which names exist.
struct FailedSignInRecord: Sendable, Equatable {
    var name: String
    var failures: Int
    var lastFailure: Date

    init(name: String, _ failures: FailedSignIns) {
        self.name = name
        self.failures = failures.count
        self.lastFailure = failures.last
    }

    var value: FailedSignIns { FailedSignIns(count: failures, last: lastFailure) }
}

extension FailedSignInRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "failed_sign_in"
    static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase
    static let databaseColumnEncodingStrategy = DatabaseColumnEncodingStrategy.convertToSnakeCase
    static let databaseDateDecodingStrategy = DatabaseDateDecodingStrategy.timeIntervalSince1970
    static let databaseDateEncodingStrategy = DatabaseDateEncodingStrategy.timeIntervalSince1970
}
