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

    /// Who `resume` would sign in as on `server`, as its session names them (`ann` and `example.org` for
    /// `@ann:example.org`), if a session is kept; read from disk alone, so that the app can draw that user's
    /// last screen before any service starts.
    public static func keptUser(server: Homeserver, dataDirectory: DataDirectory) -> (user: String, server: String?)? {
        guard let userID = MatrixSessionStore(dataDirectory: dataDirectory, server: server).latest()?.session.userID
        else { return nil }
        return (MatrixName.localpart(of: userID), MatrixName.serverName(of: userID))
    }
}
