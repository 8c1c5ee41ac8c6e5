import Foundation
import GRDB
import ParleyContracts
import ParleyStorage
import ServiceRuntime
import SessionTokens

/// The account service's logic, made afresh by its host on every start: it opens the store, the session key
/// and the revocation list, and handles one request at a time.
public struct AccountHandler: ServiceHandler, Sendable {
    public typealias Request = AccountRequest
    public typealias Reply = AccountReply
    public typealias Event = AccountEvent
    public typealias Failure = AccountError

    let store: AccountStore
    let signer: TokenSigner
    let revocations: RevocationList
    let hasher: PasswordHasher
    let throttle = LoginThrottle()
    let feed: AccountChangeFeed
    let sessionLifetime: TimeInterval
    let presenceTimeout: TimeInterval
    let now: @Sendable () -> Date

    /// Opens everything the service needs and starts looking for other processes' changes.
    /// Throws the `StorageError` of whatever cannot be opened, which fails the start with its sentence.
    static func open(
        in directory: DataDirectory, settings: AccountSettings, now: @escaping @Sendable () -> Date,
        context: ServiceContext<AccountEvent, AccountRequest>
    ) throws -> AccountHandler {
        guard settings.passwordCost.isValid else { throw InvalidSettings.passwordCost(settings.passwordCost) }
        let store = try AccountStore(in: directory)
        let revocations = try RevocationList(in: directory)
        let key = try SessionKey.loadOrCreate(in: directory)
        let presenceTimeout = settings.presenceTimeout.timeInterval
        let feed: AccountChangeFeed
        do {
            feed = try AccountChangeFeed(
                store: store, presenceTimeout: presenceTimeout, now: now, publish: { context.publish($0) })
        } catch {
            throw ServiceDatabase.storageError(error, path: store.path)
        }
        let changes = try DatabaseChangeWatcher(directory: directory, fileName: AccountStore.fileName).changes()
        let looks = AccountLooks(feed: feed, safetyInterval: settings.changeCheckInterval, now: now)
        // Ends when the service stops: cancellation ends the waits.
        context.spawn { await looks.run(changes) }
        return AccountHandler(
            store: store, signer: TokenSigner(key: key, revocations: revocations), revocations: revocations,
            hasher: PasswordHasher(cost: settings.passwordCost), feed: feed,
            sessionLifetime: settings.sessionLifetime.timeInterval, presenceTimeout: presenceTimeout, now: now)
    }

    public mutating func handle(
        _ request: AccountRequest, context: ServiceContext<AccountEvent, AccountRequest>
    ) async throws -> AccountReply {
        try await answer(request)
    }

    /// Sign-up and sign-in run off the request loop: their password hash takes a good fraction of a second,
    /// and heartbeats, profiles and other users' sign-ins are answered meanwhile. They change nothing of the
    /// handler's own (its parts are shared, thread-safe stores); the store's constraints keep names unique.
    public func detachedWork(
        for request: AccountRequest, context: ServiceContext<AccountEvent, AccountRequest>
    ) -> (@Sendable () async throws -> AccountReply)? {
        switch request {
        case .register, .login, .changePassword: { [self] in try await answer(request) }
        default: nil
        }
    }

    private func answer(_ request: AccountRequest) async throws -> AccountReply {
        do {
            return try await dispatch(request)
        } catch let error as DatabaseError where error.isBusy {
            // Another process held the database past the busy timeout: refuse this request, keep serving.
            // Any other database error means the store is broken; it crashes the handler so the supervisor
            // reopens the store and reports what is wrong with it.
            throw AccountError.storageUnavailable(ServiceDatabase.storageError(error, path: store.path).description)
        }
    }

    private func dispatch(_ request: AccountRequest) async throws -> AccountReply {
        switch request {
        case let .register(name, password, displayName):
            try await register(name: name, password: password, displayName: displayName)
        case let .login(name, password):
            try await login(name: name, password: password)
        case let .logout(token):
            try logout(token: token)
        case let .changePassword(token, old, new):
            try await changePassword(token: token, old: old, new: new)
        case let .updateProfile(token, displayName, statusText):
            try updateProfile(token: token, displayName: displayName, statusText: statusText)
        case let .profile(name):
            try profile(name: name)
        case let .directory(search, limit):
            try directory(search: search, limit: limit)
        case let .heartbeat(token, presence):
            try heartbeat(token: token, presence: presence)
        case let .presence(names):
            try presence(of: names)
        case .resume:
            // Local sessions are signed tokens the app does not keep: there is never one to resume.
            throw AccountError.noStoredSession
        }
    }
}

extension DatabaseError {
    /// Whether another connection held the database for longer than the busy timeout.
    fileprivate var isBusy: Bool { resultCode == .SQLITE_BUSY || resultCode == .SQLITE_LOCKED }
}

/// Settings the service cannot run with; a programming or configuration mistake, reported as the start's error.
enum InvalidSettings: Error, CustomStringConvertible {
    case passwordCost(PasswordCost)

    var description: String {
        switch self {
        case let .passwordCost(cost):
            "scrypt cannot use rounds \(cost.rounds), block size \(cost.blockSize), parallelism \(cost.parallelism); "
                + "use a power of two of at least 2 for rounds and at least 1 for the others"
        }
    }
}
