import AccountService
import AttachmentService
import CameraService
import MediaService
import MessagingService
import ParleyConfig
import ServiceRuntime

/// Builds the hosts of an app instance's services, each over its own store in the data directory. This is
/// the one place that imports the services' implementations.
enum ServiceCatalog {
    static func makeHosts(_ environment: AppEnvironment) -> AppServiceHosts {
        let settings = environment.settings
        let configuration = ServiceConfiguration(settings.services)
        let data = environment.dataDirectory
        let account = AccountService.makeHost(
            dataDirectory: data, configuration: configuration, settings: AccountSettings(settings.account))
        let messaging = MessagingService.makeHost(dataDirectory: data, configuration: configuration)
        let attachment = AttachmentService.makeHost(
            dataDirectory: data, configuration: configuration,
            maxSize: Int64(settings.attachments.maxSizeMegabytes) * 1_048_576,
            membership: MessagingMembership(messaging: messaging))
        let media = MediaService.makeHost(configuration: configuration)
        let camera = CameraService.makeHost(
            device: settings.camera.device, dataDirectory: data, configuration: configuration)
        return AppServiceHosts(
            account: account, messaging: messaging, attachment: attachment, media: media, camera: camera)
    }
}

/// The hosts of one app instance, typed, so the wiring can hand each client its own endpoint.
struct AppServiceHosts {
    let account: ServiceHost<AccountHandler>
    let messaging: ServiceHost<MessagingHandler>
    let attachment: ServiceHost<AttachmentHandler>
    let media: ServiceHost<MediaHandler>
    let camera: ServiceHost<CameraHandler>

    /// In the order the debug panel lists them.
    var all: [any ServiceControl] { [account, messaging, attachment, media, camera] }
}

extension AccountSettings {
    init(_ settings: Settings.Account) {
        self.init(
            sessionLifetime: .seconds(settings.sessionDays * 86_400),
            presenceTimeout: .seconds(settings.presenceTimeoutSeconds),
            passwordCost: settings.passwordCost == "fast" ? .fast : .recommended)
    }
}
