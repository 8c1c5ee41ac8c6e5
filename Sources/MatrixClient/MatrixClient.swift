import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import Synchronization

/// A client of one homeserver's client-server API: HTTP, the API's JSON models, rate limits and metrics.
///
/// It knows nothing of Parley. One `HTTPClient` (connection pool) is shared by every call and closed by
/// `shutdown()`. The session (access token, device id, user id) is set by `register`/`login` or by the caller
/// from storage, and every call after that carries the token. Calls throw `MatrixError` (or
/// `CancellationError` when their task is cancelled).
public final class MatrixClient: Sendable {
    /// Who is signed in: what `login`/`register` return and what a caller keeps on disk.
    public struct Session: Sendable, Hashable, Codable {
        public var userID: String
        public var accessToken: String
        public var deviceID: String?

        public init(userID: String, accessToken: String, deviceID: String?) {
            self.userID = userID
            self.accessToken = accessToken
            self.deviceID = deviceID
        }

        enum CodingKeys: String, CodingKey {
            case userID = "user_id"
            case accessToken = "access_token"
            case deviceID = "device_id"
        }
    }

    public let homeserver: Homeserver
    let http: HTTPClient
    let sessionState: Mutex<Session?>
    let recorder = MetricsRecorder()
    /// How long one ordinary request may take before the server counts as unreachable.
    let requestTimeout: Duration
    /// How many times a 429 is waited out and retried before the call gives up with `rateLimited`.
    let rateLimitRetries: Int

    public init(
        homeserver: Homeserver, session: Session? = nil, requestTimeout: Duration = .seconds(30),
        rateLimitRetries: Int = 5
    ) {
        self.homeserver = homeserver
        self.requestTimeout = requestTimeout
        self.rateLimitRetries = rateLimitRetries
        sessionState = Mutex(session)
        var configuration = HTTPClient.Configuration(
            timeout: .init(connect: .seconds(10), read: .seconds(90)), decompression: .enabled(limit: .none))
        // A refused connection should fail the call at once (the caller backs off), not wait out the deadline.
        configuration.connectionPool.retryConnectionEstablishment = false
        http = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
    }

    /// The signed-in session, if any.
    public var session: Session? { sessionState.withLock { $0 } }

    /// Sets (or clears) the session, e.g. one restored from disk.
    public func setSession(_ session: Session?) { sessionState.withLock { $0 = session } }

    /// A snapshot of the request metrics, cheap enough for every debug-panel frame.
    public var metrics: MatrixClientMetrics { recorder.snapshot() }

    /// Closes the connection pool; the client must not be used afterwards. Every client must be shut down
    /// before it is released (async-http-client checks this in debug builds).
    public func shutdown() async throws { try await http.shutdown() }
}
