import Crypto
import Dispatch
import Foundation
import _CryptoExtras

/// A salted, slow password hash with the algorithm and cost it was made with, so the cost can be raised later
/// and older hashes still verify.
struct PasswordHash: Sendable, Equatable {
    var algorithm: String
    var cost: PasswordCost
    var salt: Data
    var hash: Data
}

/// Hashes and verifies passwords with scrypt.
///
/// Deriving a hash takes a good fraction of a second on purpose. It runs on a Dispatch queue rather than on
/// the Swift concurrency pool, so that a sign-in does not hold one of the pool's few threads (one per core)
/// that every other service's requests need.
struct PasswordHasher: Sendable {
    static let algorithm = "scrypt"
    static let saltBytes = 16
    static let hashBytes = 32

    /// The cost of new hashes.
    let cost: PasswordCost

    func hash(_ password: String) async throws -> PasswordHash {
        var generator = SystemRandomNumberGenerator()
        let salt = Data((0..<Self.saltBytes).map { _ in UInt8.random(in: .min ... .max, using: &generator) })
        let cost = cost
        let hash = try await Self.offThePool { try Self.derive(password, salt: salt, cost: cost) }
        return PasswordHash(algorithm: Self.algorithm, cost: cost, salt: salt, hash: hash)
    }

    /// Whether `password` is the one `stored` was made from, using the stored algorithm and cost.
    func verify(_ password: String, against stored: PasswordHash) async throws -> Bool {
        guard stored.algorithm == Self.algorithm, stored.cost.isValid else { return false }
        let derived = try await Self.offThePool { try Self.derive(password, salt: stored.salt, cost: stored.cost) }
        return Self.constantTimeEqual(derived, stored.hash)
    }

    /// Whether `stored` was made with a weaker algorithm or cost than new hashes get.
    func needsUpgrade(_ stored: PasswordHash) -> Bool {
        stored.algorithm != Self.algorithm || stored.cost.rounds < cost.rounds
            || stored.cost.blockSize < cost.blockSize || stored.cost.parallelism < cost.parallelism
    }

    /// A hash no password matches, at the current cost: verifying against it when the name is unknown takes
    /// as long as a real check, so the time a refusal takes does not tell whether the name exists.
    var decoy: PasswordHash {
        PasswordHash(
            algorithm: Self.algorithm, cost: cost, salt: Data(count: Self.saltBytes), hash: Data(count: Self.hashBytes))
    }

    // MARK: - Deriving

    private static func derive(_ password: String, salt: Data, cost: PasswordCost) throws -> Data {
        // The same password typed with composed or decomposed accents must give the same hash.
        let bytes = Data(password.precomposedStringWithCanonicalMapping.utf8)
        let key = try KDF.Scrypt.deriveKey(
            from: bytes, salt: salt, outputByteCount: hashBytes, rounds: cost.rounds, blockSize: cost.blockSize,
            parallelism: cost.parallelism)
        return key.withUnsafeBytes { Data($0) }
    }

    private static func constantTimeEqual(_ left: Data, _ right: Data) -> Bool {
        guard left.count == right.count else { return false }
        return zip(left, right).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }

    private static func offThePool<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global(qos: .userInitiated).async {
                continuation.resume(with: Result { try work() })
            }
        }
    }
}
