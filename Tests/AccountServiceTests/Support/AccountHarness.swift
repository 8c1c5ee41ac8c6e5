import AccountService
import Foundation
import ParleyContracts
import ParleyStorage
import ParleyTestKit
import ServiceRuntime
import Synchronization

/// A data directory in a fresh temporary directory, a hand-moved clock, and account services started on them.
/// Several services on one harness share the directory, standing in for several processes.
final class AccountHarness: Sendable {
    let temporary = TemporaryDirectory("account")
    let clock = TestClock()
    private let hosts = Mutex<[ServiceHost<AccountHandler>]>([])

    /// Runs `body` with a fresh harness, then closes every service it started and removes the directory,
    /// whether `body` succeeded or not.
    static func run(_ body: (AccountHarness) async throws -> Void) async throws {
        let harness = AccountHarness()
        do {
            try await body(harness)
        } catch {
            await harness.tearDown()
            throw error
        }
        await harness.tearDown()
    }

    private func tearDown() async {
        for host in hosts.withLock({ $0 }) { await host.close() }
        temporary.remove()
    }

    var dataDirectory: DataDirectory { temporary.dataDirectory }
    var databasePath: String { dataDirectory.file("accounts.sqlite").path }

    /// Cheap hashing and a quick change check, so tests stay fast; everything else as shipped.
    static let settings = AccountSettings(
        changeCheckInterval: .milliseconds(20), passwordCost: PasswordCost(rounds: 16, blockSize: 1, parallelism: 1))

    /// A started account service on this harness's data directory.
    /// - Parameter now: the clock the service reads; the harness's hand-moved one unless given another.
    func start(
        settings: AccountSettings = AccountHarness.settings, restarts: RestartPolicy = RestartPolicy(maxRestarts: 0),
        now: (@Sendable () -> Date)? = nil
    ) async -> ServiceHost<AccountHandler> {
        let host = AccountService.makeHost(
            dataDirectory: dataDirectory,
            configuration: ServiceConfiguration(defaultTimeout: .seconds(30), restartPolicy: restarts),
            settings: settings, now: now ?? clock.reading)
        hosts.withLock { $0.append(host) }
        await host.start()
        return host
    }
}

extension ServiceHost where Handler == AccountHandler {
    /// Sends `request` and returns the reply; the service's own refusal is thrown as the `AccountError` itself.
    @discardableResult
    func ask(_ request: AccountRequest) async throws -> AccountReply {
        do {
            return try await self.request(request)
        } catch {
            if let failure = error.failure { throw failure }
            throw error
        }
    }

    /// The session a register, login or password change replied with.
    func session(_ request: AccountRequest) async throws -> Session {
        guard case let .session(session) = try await ask(request) else { throw UnexpectedReply(request: request) }
        return session
    }

    func register(_ name: String, password: String = "correct horse", displayName: String? = nil) async throws
        -> Session
    {
        try await session(.register(name: name, password: password, displayName: displayName))
    }

    func profile(_ name: String) async throws -> UserProfile {
        guard case let .profile(profile) = try await ask(.profile(name: name)) else {
            throw UnexpectedReply(request: .profile(name: name))
        }
        return profile
    }

    func directory(_ search: String, limit: Int = 50) async throws -> [UserProfile] {
        guard case let .directory(users) = try await ask(.directory(search: search, limit: limit)) else {
            throw UnexpectedReply(request: .directory(search: search, limit: limit))
        }
        return users
    }

    func presence(of names: [String]) async throws -> [String: Presence] {
        guard case let .presence(presence) = try await ask(.presence(of: names)) else {
            throw UnexpectedReply(request: .presence(of: names))
        }
        return presence
    }
}

/// The service answered a request with a reply of the wrong kind.
struct UnexpectedReply: Error, CustomStringConvertible {
    let request: AccountRequest
    var description: String { "unexpected reply to \(request.kind)" }
}
