import Foundation
import Testing

@testable import AccountService

/// The password hash is standard scrypt, whichever library computes it, so hashes stored before keep verifying.
struct PasswordHasherTests {
    @Test func scryptGivesRFC7914sTestVector() throws {
        // RFC 7914, section 12: scrypt("password", "NaCl", N=1024, r=8, p=16); the first 32 of its 64 bytes.
        let derived = try PasswordHasher.derive(
            "password", salt: Data("NaCl".utf8), cost: PasswordCost(rounds: 1024, blockSize: 8, parallelism: 16))
        let expected = "fdbabe1c9d3472007856e7190d01e9fe7c6ad7cbc8237830e77376634b373162"
        #expect(derived.map { String(format: "%02x", $0) }.joined() == expected)
    }

    @Test func theProductCostHashesAndVerifies() async throws {
        let hasher = PasswordHasher(cost: .recommended)
        let stored = try await hasher.hash("correct horse")
        #expect(stored.cost == .recommended)
        #expect(try await hasher.verify("correct horse", against: stored))
        #expect(try await !hasher.verify("wrong horse", against: stored))
    }
}
