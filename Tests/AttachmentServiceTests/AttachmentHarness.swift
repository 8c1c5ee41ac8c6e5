import Foundation
import ParleyContracts
import ParleyStorage
import ParleyTestKit
import ServiceRuntime
import SessionTokens
import Synchronization

@testable import AttachmentService

/// Room memberships as the test decides them, standing in for the messaging service.
final class FakeMembership: RoomMembershipChecking {
    struct Unreachable: Error, CustomStringConvertible {
        var description: String { "messaging unavailable: the service is stopped" }
    }

    private let members = Mutex<[RoomID: Set<String>]>([:])
    private let reachable = Mutex(true)
    private let questions = Mutex(0)

    func add(_ user: String, to room: RoomID) { members.withLock { _ = $0[room, default: []].insert(user) } }

    /// Makes every question fail, as when the messaging service is off.
    func setReachable(_ value: Bool) { reachable.withLock { $0 = value } }

    /// How many times the service asked.
    var questionCount: Int { questions.withLock { $0 } }

    func isMember(user: String, of room: RoomID, token: String) async throws -> Bool {
        questions.withLock { $0 += 1 }
        guard reachable.withLock({ $0 }) else { throw Unreachable() }
        return members.withLock { $0[room]?.contains(user) ?? false }
    }
}

/// A clock the test moves by hand, so grace periods pass without waiting for them.
final class ManualClock: Sendable {
    private let current = Mutex(Date(timeIntervalSince1970: 1_800_000_000))
    var now: Date { current.withLock { $0 } }
    func advance(by interval: TimeInterval) { current.withLock { $0 += interval } }
}

/// A running attachment service on a fresh temporary data directory, with what the tests need around it.
struct Harness {
    static let gracePeriod: TimeInterval = 3_600

    let directory: TemporaryDirectory
    let host: ServiceHost<AttachmentHandler>
    let membership: FakeMembership
    let clock: ManualClock
    let signer: TokenSigner

    /// Starts the service; `prepare` runs on the data directory first, e.g. to leave a stale file behind.
    static func start(
        maxSize: Int64 = AttachmentService.defaultMaxSize, progressThreshold: Int64 = 1 << 20,
        restarts: RestartPolicy = RestartPolicy(), prepare: (DataDirectory) throws -> Void = { _ in }
    ) async throws -> Harness {
        let directory = TemporaryDirectory("attachment")
        try directory.dataDirectory.prepare()
        try prepare(directory.dataDirectory)
        let membership = FakeMembership()
        let clock = ManualClock()
        let settings = AttachmentSettings(
            maxSize: maxSize, gracePeriod: gracePeriod, progressThreshold: progressThreshold, now: { clock.now })
        let host = AttachmentService.makeHost(
            dataDirectory: directory.dataDirectory,
            configuration: ServiceConfiguration(defaultTimeout: .seconds(30), restartPolicy: restarts),
            settings: settings, membership: membership)
        await host.start()
        // The service made the signing key on start; tokens signed with it are what the app would hold.
        let signer = TokenSigner(key: try SessionKey.loadOrCreate(in: directory.dataDirectory), revocations: nil)
        return Harness(directory: directory, host: host, membership: membership, clock: clock, signer: signer)
    }

    func close() async {
        await host.close()
        directory.remove()
    }

    // MARK: - Sessions and requests

    /// A session token for `user`, valid for a day on the service's clock.
    func token(_ user: String) -> String {
        signer.sign(
            SessionClaims(
                user: user, session: UUID().uuidString, issuedAt: clock.now, expiresAt: clock.now + 86_400))
    }

    func importFile(_ path: String, as user: String = "alice", transfer: TransferID = TransferID()) async throws
        -> ImportedAttachment
    {
        guard
            case let .imported(imported) = try await host.request(
                .importFile(token: token(user), path: path, transfer: transfer))
        else { throw Unexpected() }
        return imported
    }

    /// The error the service answers `request` with, or nil if it did not refuse.
    func refusal(_ request: AttachmentRequest) async -> AttachmentError? {
        do {
            _ = try await host.request(request)
            return nil
        } catch {
            return error.failure
        }
    }

    struct Unexpected: Error {}

    // MARK: - Files

    /// Writes `bytes` to a new file named `name` in the test's directory; returns its path.
    @discardableResult
    func write(_ name: String, _ bytes: [UInt8]) throws -> String {
        let url = directory.file(name)
        try Data(bytes).write(to: url)
        return url.path
    }

    var blobFolder: URL { directory.dataDirectory.url.appendingPathComponent("attachments") }

    /// The blob files in the store, by name.
    var blobNames: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: blobFolder.path)) ?? []).filter { !$0.hasPrefix(".") }
            .sorted()
    }
}

/// Runs `body` against a freshly started service, then stops it and removes its files, whatever happens.
func withService(
    maxSize: Int64 = AttachmentService.defaultMaxSize, progressThreshold: Int64 = 1 << 20,
    prepare: (DataDirectory) throws -> Void = { _ in }, _ body: (Harness) async throws -> Void
) async throws {
    let harness = try await Harness.start(maxSize: maxSize, progressThreshold: progressThreshold, prepare: prepare)
    do {
        try await body(harness)
    } catch {
        await harness.close()
        throw error
    }
    await harness.close()
}

/// Bytes that look like nothing in particular and do not repeat within a chunk: a stand-in for a real file.
func noise(count: Int, seed: UInt64 = 1) -> [UInt8] {
    var state = seed &* 0x9E37_79B9_7F4A_7C15 | 1
    return (0..<count).map { _ in
        state ^= state << 13
        state ^= state >> 7
        state ^= state << 17
        return UInt8(truncatingIfNeeded: state)
    }
}
