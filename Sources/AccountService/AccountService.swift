import Foundation
import ParleyContracts
import ParleyStorage
import ServiceRuntime

/// The account service: sign-up, sign-in, sessions, profiles, the user directory and presence, stored in
/// `accounts.sqlite` in the data directory and shared by every process using that directory.
public enum AccountService {
    /// The service's name, as the debug panel and `/service` show it.
    public static let name = ServiceName.account.rawValue

    /// A stopped host for the account service; `start()` it to open the store and serve.
    ///
    /// A store that cannot be opened (corrupt, not a database, locked) fails the start: the host's status
    /// then carries the store's one-sentence error as its last error, and the app goes on without the service.
    /// - Parameters:
    ///   - now: the wall clock; tests pass their own to test expiry, throttling and presence without waiting.
    public static func makeHost(
        dataDirectory: DataDirectory, configuration: ServiceConfiguration = .init(),
        settings: AccountSettings = .init(),
        now: @escaping @Sendable () -> Date = { Date() }
    ) -> ServiceHost<AccountHandler> {
        ServiceHost(name: name, configuration: configuration) { context in
            try AccountHandler.open(in: dataDirectory, settings: settings, now: now, context: context)
        }
    }
}
