import ParleyContracts
import ParleyStorage
import ServiceRuntime

/// The wiring's entry point to the messaging service.
public enum MessagingService {
    /// The service's name, as the debug panel and `/service` show it.
    public static let name = ServiceName.messaging.rawValue

    /// A stopped host for the messaging service on `dataDirectory`; `start()` it to open `messages.sqlite`.
    ///
    /// If the store cannot be opened (corrupt, not a database, locked by another program), the start fails:
    /// the host's status shows the storage error's sentence as its last error, and the app carries on
    /// without the service.
    public static func makeHost(
        dataDirectory: DataDirectory, configuration: ServiceConfiguration = .init(), name: String = name
    ) -> ServiceHost<MessagingHandler> {
        let audience = Audience()
        return ServiceHost(name: name, configuration: configuration) { context in
            try MessagingHandler.start(in: dataDirectory, audience: audience, context: context)
        }
    }
}
