/// Everything that can go wrong talking to a homeserver, one sentence per case.
public enum MatrixError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The text given as a homeserver is not a usable URL.
    case invalidServerURL(String, reason: String)
    /// Plain http:// to a host that is not loopback: credentials would cross the network unencrypted.
    case insecureServer(String)
    /// The server could not be reached (connection refused, DNS, TLS, or no answer in time).
    case unreachable(server: String, reason: String)
    /// 401 `M_UNKNOWN_TOKEN`: the access token is no longer accepted; the caller brings the sign-in back.
    case unknownToken(server: String)
    /// The call needs an access token and none is set.
    case notSignedIn(endpoint: String)
    /// The server answered with an error status and, usually, a Matrix `errcode`.
    case server(endpoint: String, status: Int, errcode: String, message: String)
    /// The server kept answering 429 `M_LIMIT_EXCEEDED` after the bounded number of retries.
    case rateLimited(endpoint: String, retryAfterMilliseconds: Int)
    /// Registration demands an interactive-auth stage this client cannot complete (only `m.login.dummy` is).
    case unsupportedAuthStage(stages: [String])
    /// The server's reply could not be decoded as the endpoint's documented JSON.
    case undecodableReply(endpoint: String, detail: String)
    /// A local file to upload or download into could not be read or written.
    case fileAccess(path: String, reason: String)

    public var description: String {
        switch self {
        case let .invalidServerURL(text, reason):
            "\(text) is not a usable homeserver address: \(reason)."
        case let .insecureServer(text):
            "\(text) uses plain http to another machine, which would send passwords unencrypted; use https://."
        case let .unreachable(server, reason):
            "The homeserver \(server) could not be reached (\(reason))."
        case let .unknownToken(server):
            "The homeserver \(server) no longer accepts this session (M_UNKNOWN_TOKEN); sign in again."
        case let .notSignedIn(endpoint):
            "\(endpoint) needs a signed-in session and there is none."
        case let .server(endpoint, status, errcode, message):
            "The homeserver refused \(endpoint) with \(errcode) (HTTP \(status)): \(message)"
        case let .rateLimited(endpoint, milliseconds):
            "The homeserver kept rate-limiting \(endpoint) (M_LIMIT_EXCEEDED, retry after \(milliseconds) ms)."
        case let .unsupportedAuthStage(stages):
            "The homeserver demands the sign-up stage \(stages.joined(separator: ", ")), which Parley cannot complete."
        case let .undecodableReply(endpoint, detail):
            "The homeserver's reply to \(endpoint) could not be read: \(detail)."
        case let .fileAccess(path, reason):
            "\(path) could not be used: \(reason)."
        }
    }

    /// The server's `errcode`, when the error came from one.
    public var errcode: String? {
        switch self {
        case let .server(_, _, errcode, _): errcode
        case .unknownToken: "M_UNKNOWN_TOKEN"
        case .rateLimited: "M_LIMIT_EXCEEDED"
        default: nil
        }
    }
}
