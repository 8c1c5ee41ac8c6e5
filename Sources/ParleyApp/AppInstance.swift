import Logging
import ParleyCore
import ServiceRuntime

/// One running app instance: its services, started, and the app loop that drives them. The terminal and
/// the scenario runner each make one per person at the keyboard; they differ only in how they render.
public final class AppInstance: Sendable {
    public let environment: AppEnvironment
    /// The services in the order the debug panel lists them.
    public let services: [any ServiceControl]
    public let loop: AppLoop
    private let hosts: AppServiceHosts

    /// Starts every service of the app instance and builds its loop, which the caller runs.
    public static func start(
        _ environment: AppEnvironment, width: Int, height: Int, render: @escaping @Sendable (AppState) -> Void
    ) async -> AppInstance {
        let hosts = ServiceCatalog.makeHosts(environment)
        let services = hosts.all
        let logger = environment.logger
        let backend = environment.server.map { "the homeserver \($0)" } ?? "the local data directory"
        logger.info("parley starting on \(environment.dataDirectory.path) with \(backend)")
        // A service that cannot start (a damaged store, say) is shown failed in the panel; the app goes on.
        for service in services {
            await service.start()
            let status = service.status
            if status.state == .running {
                logger.info("\(service.name) running")
            } else {
                logger.error("\(service.name) \(status.state.rawValue): \(status.lastError ?? "no reason given")")
            }
        }
        let loop = AppLoop(
            width: width, height: height, services: services,
            clients: AppClients(
                account: hosts.account.endpoint, messaging: hosts.messaging.endpoint,
                attachment: hosts.attachment.endpoint, media: hosts.media),
            outbox: FileOutboxStore(dataDirectory: environment.dataDirectory),
            palette: environment.settings.interface.colors == "8" ? .colors8 : .colors256, render: render)
        return AppInstance(environment: environment, hosts: hosts, loop: loop)
    }

    private init(environment: AppEnvironment, hosts: AppServiceHosts, loop: AppLoop) {
        self.environment = environment
        self.hosts = hosts
        self.services = hosts.all
        self.loop = loop
    }

    /// Stops every service; the instance is not used afterwards.
    public func close() async {
        for service in services.reversed() { await service.stop() }
        await hosts.shutDown()
        environment.logger.info("parley stopped")
    }
}
