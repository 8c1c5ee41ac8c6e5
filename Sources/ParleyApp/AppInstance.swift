import Logging
import ParleyConfig
import ParleyContracts
import ParleyCore
import ServiceRuntime
import Synchronization

/// One running app instance: its services, started, and the app loop that drives them. The terminal and
/// the scenario runner each make one per person at the keyboard; they differ only in how they render.
public final class AppInstance: Sendable {
    public let environment: AppEnvironment
    /// The services in the order the debug panel lists them.
    public let services: [any ServiceControl]
    public let loop: AppLoop
    private let hosts: AppServiceHosts
    /// Held while the instance runs: its outbox rows are its own to send until it ends.
    private let lock: InstanceLock

    /// Starts every service of the app instance and builds its loop, which the caller runs.
    /// - Parameters:
    ///   - palette: the colours the terminal resolved the setting to; nil, with no terminal, resolves it here.
    ///   - ringBell: rings this front end's bell for an alert, if the settings allow (`Notifier`).
    ///   - desktopNotifications: false for a front end with no desktop to show them on (the scenario runner).
    ///   - opening: the last screen of the kept session's user (`openingScreen(_:)`), shown until the services
    ///     answer; a front end that drew it before starting the instance passes it on, so the loop goes on
    ///     from the same screen.
    public static func start(
        _ environment: AppEnvironment, width: Int, height: Int, palette: Palette? = nil,
        ringBell: @escaping @Sendable () -> Void = {}, desktopNotifications: Bool = true,
        opening: OpeningScreen? = nil, render: @escaping @Sendable (AppState) -> Void
    ) async -> AppInstance {
        let hosts = ServiceCatalog.makeHosts(environment)
        let services = hosts.all
        let logger = environment.logger
        let backend = environment.server.map { "the homeserver \($0)" } ?? "the local data directory"
        logger.info("parley starting on \(environment.dataDirectory.path) with \(backend)")
        // A service that cannot start (a damaged store, say) is shown failed in the panel and said on the main
        // screen; the app goes on.
        var problems = environment.warnings
        // Started together: each opens a store of its own, and one waiting on the disk (or on the lock that
        // serialises opening across processes) need not hold up the others before the first screen.
        await withTaskGroup(of: Void.self) { group in
            for service in services { group.addTask { await service.start() } }
        }
        for service in services {
            let status = service.status
            if status.state == .running {
                logger.info("\(service.name) running")
            } else {
                let reason = status.lastError ?? "no reason given"
                let problem =
                    reason.hasPrefix(service.name) ? reason : "\(service.name) \(status.state.rawValue): \(reason)"
                logger.error("\(problem)")
                problems.append(problem)
            }
        }
        let client = ClientDatabase(directory: environment.dataDirectory)
        let id = String(UInt64.random(in: 0...UInt64.max), radix: 36)
        let lock = InstanceLock(id: id, directory: environment.dataDirectory)
        InstanceLock.removeEnded(in: environment.dataDirectory)
        let loop = AppLoop(
            width: width, height: height, services: services,
            clients: AppClients(
                account: hosts.account.endpoint, messaging: hosts.messaging.endpoint,
                attachment: hosts.attachment.endpoint, media: hosts.media, camera: hosts.camera),
            outbox: SQLiteOutboxStore(database: client, instance: lock), cache: SQLiteClientCache(database: client),
            openingScreens: environment.server.map {
                OpeningScreenFiles(dataDirectory: environment.dataDirectory, server: $0)
            },
            opening: opening,
            clientID: id, palette: palette ?? environment.colors.palette(terminalColors: nil),
            sendsTypingNotices: environment.settings.conversations.sendTyping,
            sendsReceipts: environment.settings.conversations.sendReceipts,
            onAlert: notifier(environment.settings.notifications, desktop: desktopNotifications, ring: ringBell),
            render: render)
        if !problems.isEmpty { loop.send(.problem(problems.joined(separator: "; "))) }
        return AppInstance(environment: environment, hosts: hosts, loop: loop, lock: lock)
    }

    /// The last screen of the user whose session the account service will resume, read from its file in
    /// the data directory, for the front end to draw before the services start (issue 8's first frame). Nil
    /// when no session is kept, or no screen of that user is (a missing, damaged or older file is ignored).
    public static func openingScreen(_ environment: AppEnvironment) -> OpeningScreen? {
        guard let server = environment.server, let kept = ServiceCatalog.keptUser(environment) else { return nil }
        return OpeningScreenFiles(dataDirectory: environment.dataDirectory, server: server)
            .screen(of: kept.user, server: kept.server)
    }

    private static func notifier(
        _ settings: Settings.Notifications, desktop: Bool, ring: @escaping @Sendable () -> Void
    ) -> @Sendable (Alert) -> Void {
        var settings = settings
        settings.desktop = settings.desktop && desktop
        return Notifier(settings, ring: ring).callAsFunction
    }

    private init(environment: AppEnvironment, hosts: AppServiceHosts, loop: AppLoop, lock: InstanceLock) {
        self.environment = environment
        self.hosts = hosts
        self.services = hosts.all
        self.loop = loop
        self.lock = lock
    }

    /// Stops every service, all at once, waiting at most `limit`; the instance is not used afterwards.
    ///
    /// Quitting must not wait on a slow or hung service: what matters is on disk already (the outbox is
    /// written when a message is queued, each store commits as it goes), and SQLite's journal makes a store
    /// left mid-write whole again at the next start.
    public func close(within limit: Duration = .milliseconds(300)) async {
        let stillStopping = await Self.stop(services, within: limit)
        // Ended: what it left in the outbox is the next instance's of the user to send.
        lock.release()
        // The homeserver clients outlive their services' incarnations: closed once the services have stopped
        // (an HTTP client must be shut down before it goes), within the same bound.
        _ = await firstOf({ await self.hosts.shutDown() }, or: { try? await Task.sleep(for: limit) })
        if stillStopping.isEmpty {
            environment.logger.info("parley stopped")
        } else {
            environment.logger.warning(
                "parley quit while \(stillStopping.joined(separator: ", ")) still stopping after \(limit)")
        }
    }

    /// Stops `services` together and returns within `limit`, with the names of those still stopping then
    /// (left to the process's exit).
    static func stop(_ services: [any ServiceControl], within limit: Duration) async -> [String] {
        let stopped = NameSet()
        _ = await firstOf(
            {
                await withTaskGroup(of: Void.self) { group in
                    for service in services {
                        group.addTask {
                            await service.stop()
                            stopped.insert(service.name)
                        }
                    }
                }
            },
            or: { try? await Task.sleep(for: limit) })
        return services.map(\.name).filter { !stopped.contains($0) }
    }
}

/// Names collected from several tasks.
private final class NameSet: Sendable {
    private let names = Mutex<Set<String>>([])
    func insert(_ name: String) { names.withLock { _ = $0.insert(name) } }
    func contains(_ name: String) -> Bool { names.withLock { $0.contains(name) } }
}
