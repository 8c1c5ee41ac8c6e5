import AccountService
import AttachmentService
import CameraService
import MatrixClient
import MediaService
import MessagingService
import ParleyConfig
import ParleyContracts
import ServiceRuntime

/// Builds the hosts of an app instance's services: over their own stores in the data directory, or, with a
/// homeserver, the account, messaging and attachment services over Matrix backends (each with its own client
/// of the homeserver). This is the one place that imports the services' implementations.
enum ServiceCatalog {
    static func makeHosts(_ environment: AppEnvironment) -> AppServiceHosts {
        let settings = environment.settings
        let configuration = ServiceConfiguration(settings.services)
        let data = environment.dataDirectory
        let media = MediaService.makeHost(configuration: configuration)
        let camera = CameraService.makeHost(
            device: settings.camera.device, dataDirectory: data, configuration: configuration)
        guard let server = environment.server else {
            let account = AccountService.makeHost(
                dataDirectory: data, configuration: configuration, settings: AccountSettings(settings.account))
            let messaging = MessagingService.makeHost(dataDirectory: data, configuration: configuration)
            let attachment = AttachmentService.makeHost(
                dataDirectory: data, configuration: configuration,
                maxSize: Int64(settings.attachments.maxSizeMegabytes) * 1_048_576,
                membership: MessagingMembership(messaging: messaging))
            return AppServiceHosts(
                account: .init(account), messaging: .init(messaging), attachment: .init(attachment), media: media,
                camera: camera)
        }
        let account = MatrixAccount.makeHost(server: server, dataDirectory: data, configuration: configuration)
        let messaging = MatrixMessaging.makeHost(server: server, dataDirectory: data, configuration: configuration)
        let attachment = MatrixAttachments.makeHost(
            server: server, dataDirectory: data, configuration: configuration,
            maxSize: Int64(settings.attachments.maxSizeMegabytes) * 1_048_576)
        return AppServiceHosts(
            account: .init(account.host, backend: MatrixBackend(client: account.client)),
            messaging: .init(
                messaging.host,
                backend: MatrixBackend(
                    client: messaging.client, syncLag: messaging.syncLag, isUnreachable: messaging.isUnreachable)),
            attachment: .init(attachment.host, backend: MatrixBackend(client: attachment.client)), media: media,
            camera: camera)
    }

    /// Who the account service's `resume` would sign in as, read from disk without starting it; nil on the
    /// local backend, which keeps no session between runs, or when no session is kept.
    static func keptUser(_ environment: AppEnvironment) -> (user: String, server: String?)? {
        environment.server.flatMap { MatrixAccount.keptUser(server: $0, dataDirectory: environment.dataDirectory) }
    }
}

/// The hosts of one app instance, as the app core and the debug panel use them.
struct AppServiceHosts: Sendable {
    let account: HostedService<AccountRequest, AccountReply, AccountEvent, AccountError>
    let messaging: HostedService<MessagingRequest, MessagingReply, MessagingEvent, MessagingError>
    let attachment: HostedService<AttachmentRequest, AttachmentReply, AttachmentEvent, AttachmentError>
    let media: ServiceHost<MediaHandler>
    let camera: ServiceHost<CameraHandler>

    /// In the order the debug panel lists them.
    var all: [any ServiceControl] { [account.control, messaging.control, attachment.control, media, camera] }

    /// Closes what the backends hold open beyond their services' lives (the homeserver clients); call it
    /// after every service has stopped.
    func shutDown() async {
        for backend in [account.backend, messaging.backend, attachment.backend].compactMap(\.self) {
            await backend.shutDown()
        }
    }
}

/// One service as the wiring hands it out: its endpoint for the app core, its control for the panel (which
/// adds the backend's figures to the status), and the Matrix backend behind it, if any.
struct HostedService<Request: ServiceRequest, Reply: Sendable, Event: Sendable, Failure: Error & Sendable>: Sendable {
    let endpoint: any ServiceEndpoint<Request, Reply, Event, Failure>
    let control: any ServiceControl
    let backend: MatrixBackend?

    init<Handler: ServiceHandler>(_ host: ServiceHost<Handler>, backend: MatrixBackend? = nil)
    where Handler.Request == Request, Handler.Reply == Reply, Handler.Event == Event, Handler.Failure == Failure {
        endpoint = host
        control = backend.map { DetailedServiceControl(base: host, backend: $0) } ?? host
        self.backend = backend
    }
}

extension AccountSettings {
    init(_ settings: Settings.Account) {
        self.init(
            sessionLifetime: .seconds(settings.sessionDays * 86_400),
            presenceTimeout: .seconds(settings.presenceTimeoutSeconds),
            passwordCost: settings.passwordCost == "fast" ? .fast : .recommended)
    }
}
