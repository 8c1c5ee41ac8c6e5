import ParleyConfig
import ServiceRuntime

extension ServiceConfiguration {
    /// How every service host runs, as the user's settings say.
    init(_ settings: Settings.Services) {
        self.init(
            mailboxCapacity: settings.mailboxCapacity,
            defaultTimeout: .milliseconds(settings.requestTimeoutMilliseconds),
            restartPolicy: RestartPolicy(
                maxRestarts: settings.maxRestarts, window: .seconds(settings.restartWindowSeconds)))
    }
}
