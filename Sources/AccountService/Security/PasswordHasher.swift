import COpenSSLCrypto
import Dispatch
import Foundation

/// A salted, slow password hash with the algorithm and cost it was made with, so the cost can be raised later
/// and older hashes still verify.
struct PasswordHash: Sendable, Equatable {
    var algorithm: String
    var cost: PasswordCost
    var salt: Data
    var hash: Data
}

/// Hashes and verifies passwords with scrypt, from the system's OpenSSL: its build is optimised, so a hash
/// costs the same in a debug build as in a release one (swift-crypto's C, built with the debug build, took
/// several times as long).
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

    static func derive(_ password: String, salt: Data, cost: PasswordCost) throws -> Data {
        // The same password typed with composed or decomposed accents must give the same hash.
        let bytes = Array(password.precomposedStringWithCanonicalMapping.utf8)
        var key = [UInt8](repeating: 0, count: hashBytes)
        let derived = bytes.withUnsafeBufferPointer { password in
            salt.withUnsafeBytes { salt in
                EVP_PBE_scrypt(
                    password.baseAddress.map { UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self) },
                    password.count, salt.bindMemory(to: UInt8.self).baseAddress, salt.count, UInt64(cost.rounds),
                    UInt64(cost.blockSize), UInt64(cost.parallelism), cost.memoryLimit, &key, key.count)
            }
        }
        guard derived == 1 else { throw PasswordHashError.scryptFailed(cost) }
        return Data(key)
    }

    /// OpenSSL refused the parameters or could not get the memory; nothing a retry would mend.
    enum PasswordHashError: Error, CustomStringConvertible {
        case scryptFailed(PasswordCost)

        var description: String {
            switch self {
            case let .scryptFailed(cost):
                "scrypt failed for rounds \(cost.rounds), block size \(cost.blockSize), parallelism \(cost.parallelism)"
            }
        }
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
