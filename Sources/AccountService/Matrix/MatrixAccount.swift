import MatrixClient
import ParleyStorage
import ServiceRuntime

/// The wiring's entry point to the account service on a Matrix homeserver (`--server URL`).
public enum MatrixAccount {
    /// A stopped host whose handler speaks to `server` with a client of its own, which outlives restarts of
    /// the service; the caller shuts the client down once the host has stopped for good.
    public static func makeHost(
        server: Homeserver, dataDirectory: DataDirectory, configuration: ServiceConfiguration = .init()
    ) -> (host: ServiceHost<MatrixAccountHandler>, client: MatrixClient) {
        let client = MatrixClient(homeserver: server)
        let sessions = MatrixSessionStore(dataDirectory: dataDirectory, server: server)
        let host = ServiceHost(name: AccountService.name, configuration: configuration) { _ in
            MatrixAccountHandler(client: client, sessions: sessions)
        }
        return (host, client)
    }
}
