import Foundation
import GRDB

/// One row of `account`: a user, their profile and their password hash.
struct AccountRecord: Sendable, Equatable {
    /// Canonical (lower-case) name, the primary key: this is what makes names unique without regard to case.
    var name: String
    var displayName: StoredText
    /// `displayName` lower-cased, so that directory search ignores case in SQL.
    var displayNameFolded: StoredText
    var status: StoredText
    var passwordAlgorithm: String
    var passwordRounds: Int
    var passwordBlockSize: Int
    var passwordParallelism: Int
    var passwordSalt: Data
    var passwordHash: Data
    var createdAt: Date
    /// Bumped from the table's highest value on every profile change, so any process can ask what changed
    /// since the revision it last saw.
    var revision: Int

    init(name: String, displayName: String, password: PasswordHash, createdAt: Date) {
        self.name = name
        self.displayName = StoredText(displayName)
        self.displayNameFolded = StoredText(displayName.lowercased())
        self.status = StoredText("")
        self.passwordAlgorithm = password.algorithm
        self.passwordRounds = password.cost.rounds
        self.passwordBlockSize = password.cost.blockSize
        self.passwordParallelism = password.cost.parallelism
        self.passwordSalt = password.salt
        self.passwordHash = password.hash
        self.createdAt = createdAt
        self.revision = 0
    }

    var password: PasswordHash {
        get {
            PasswordHash(
                algorithm: passwordAlgorithm,
                cost: PasswordCost(
                    rounds: passwordRounds, blockSize: passwordBlockSize, parallelism: passwordParallelism),
                salt: passwordSalt, hash: passwordHash)
        }
        set {
            passwordAlgorithm = newValue.algorithm
            passwordRounds = newValue.cost.rounds
            passwordBlockSize = newValue.cost.blockSize
            passwordParallelism = newValue.cost.parallelism
            passwordSalt = newValue.salt
            passwordHash = newValue.hash
        }
    }
}

extension AccountRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "account"
    static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase
    static let databaseColumnEncodingStrategy = DatabaseColumnEncodingStrategy.convertToSnakeCase
    static let databaseDateDecodingStrategy = DatabaseDateDecodingStrategy.timeIntervalSince1970
    static let databaseDateEncodingStrategy = DatabaseDateEncodingStrategy.timeIntervalSince1970
}
