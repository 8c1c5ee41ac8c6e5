import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// One homeserver answer, before it is decoded: the status and the whole body.
struct RawReply: Sendable {
    var status: Int
    var body: Data

    var isSuccess: Bool { (200..<300).contains(status) }
}

/// The JSON every Matrix error answer carries.
struct ServerErrorBody: Decodable {
    var errcode: String?
    var error: String?
    var retryAfterMilliseconds: Int?

    enum CodingKeys: String, CodingKey {
        case errcode, error
        case retryAfterMilliseconds = "retry_after_ms"
    }
}

extension MatrixClient {
    /// Where a call goes: the method, the path under the base URL (segments already escaped) and the query.
    struct Endpoint: Sendable {
        var method: HTTPMethod
        var path: String
        var query: [(String, String)] = []
        /// The name used in error sentences and metrics, e.g. `POST /createRoom`.
        var name: String
        /// Whether the call carries the access token.
        var authenticated = true
        /// Whether its latency counts in the percentiles (not for long polls or media transfers).
        var measured = true
        /// The body's type, when it is not JSON (media uploads).
        var contentType = "application/json"

        init(
            _ method: HTTPMethod, _ path: String, query: [(String, String)] = [], name: String? = nil,
            authenticated: Bool = true, measured: Bool = true
        ) {
            self.method = method
            self.path = path
            self.query = query
            self.name = name ?? "\(method.rawValue) \(path)"
            self.authenticated = authenticated
            self.measured = measured
        }
    }

    /// Escapes one path segment (room ids, aliases, user ids, event types, transaction ids).
    static func segment(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }

    static let clientPath = "/_matrix/client/v3"

    /// Sends a JSON body (or none) and decodes the JSON answer, mapping every failure to `MatrixError`.
    func call<Reply: Decodable>(
        _ endpoint: Endpoint, body: (any Encodable)? = nil, timeout: Duration? = nil, as type: Reply.Type = Reply.self
    ) async throws -> Reply {
        let payload = try body.map { try Self.encode($0, for: endpoint) }
        let reply = try await perform(endpoint, timeout: timeout) { payload.map { .bytes($0) } }
        return try decodeSuccess(reply, for: endpoint)
    }

    /// Turns a successful reply into `Reply`, and any other into the matching error.
    func decodeSuccess<Reply: Decodable>(_ reply: RawReply, for endpoint: Endpoint) throws -> Reply {
        guard reply.isSuccess else { throw recorded(error(from: reply, for: endpoint)) }
        do {
            return try JSONDecoder().decode(Reply.self, from: reply.body)
        } catch {
            throw recorded(.undecodableReply(endpoint: endpoint.name, detail: Self.summary(of: error)))
        }
    }

    /// Sends one request, waiting out 429s (bounded), and returns the answer whatever its status.
    ///
    /// `makeBody` is called once per attempt, so a streamed body starts again from its first byte.
    func perform(
        _ endpoint: Endpoint, timeout: Duration? = nil, makeBody: () throws -> HTTPClientRequest.Body? = { nil }
    ) async throws -> RawReply {
        var attempt = 0
        while true {
            let reply = try await send(endpoint, timeout: timeout, body: try makeBody())
            guard reply.status == 429 else { return reply }
            let parsed = try? JSONDecoder().decode(ServerErrorBody.self, from: reply.body)
            let milliseconds = parsed?.retryAfterMilliseconds ?? 1000
            recorder.recordRateLimit(retryAfter: .milliseconds(milliseconds))
            attempt += 1
            guard attempt <= rateLimitRetries else {
                throw recorded(.rateLimited(endpoint: endpoint.name, retryAfterMilliseconds: milliseconds))
            }
            // The server says how long; waiting a little longer avoids landing just before its window opens.
            try await Task.sleep(for: .milliseconds(min(milliseconds, 60_000) + 10))
        }
    }

    /// One HTTP exchange with the body collected; transport failures become `unreachable`.
    private func send(
        _ endpoint: Endpoint, timeout: Duration?, body: HTTPClientRequest.Body?
    ) async throws -> RawReply {
        let request = try makeRequest(endpoint, body: body)
        let started = ContinuousClock.now
        do {
            let response = try await http.execute(request, timeout: .init(timeout ?? requestTimeout))
            let bytes = try await response.body.collect(upTo: 64 * 1024 * 1024)
            recorder.recordResponse(latency: ContinuousClock.now - started, measured: endpoint.measured)
            return RawReply(status: Int(response.status.code), body: Data(bytes.readableBytesView))
        } catch {
            throw transportError(error)
        }
    }

    /// The request for `endpoint`, with the bearer token when it is authenticated.
    func makeRequest(_ endpoint: Endpoint, body: HTTPClientRequest.Body?) throws -> HTTPClientRequest {
        var components = URLComponents()
        components.percentEncodedPath = endpoint.path
        if !endpoint.query.isEmpty {
            components.queryItems = endpoint.query.map { URLQueryItem(name: $0.0, value: $0.1) }
            // URLComponents leaves "+" alone, which servers read as a space.
            components.percentEncodedQuery = components.percentEncodedQuery?
                .replacingOccurrences(of: "+", with: "%2B")
        }
        var request = HTTPClientRequest(url: homeserver.baseURL.absoluteString + (components.string ?? endpoint.path))
        request.method = endpoint.method
        if endpoint.authenticated {
            guard let token = session?.accessToken else { throw recorded(.notSignedIn(endpoint: endpoint.name)) }
            request.headers.add(name: "Authorization", value: "Bearer \(token)")
        }
        if let body {
            request.body = body
            request.headers.add(name: "Content-Type", value: endpoint.contentType)
        }
        return request
    }

    /// The error an unsuccessful answer stands for.
    func error(from reply: RawReply, for endpoint: Endpoint) -> MatrixError {
        let parsed = try? JSONDecoder().decode(ServerErrorBody.self, from: reply.body)
        let errcode = parsed?.errcode ?? "HTTP \(reply.status)"
        if reply.status == 401, errcode == "M_UNKNOWN_TOKEN" { return .unknownToken(server: homeserver.name) }
        if reply.status == 429 {
            return .rateLimited(endpoint: endpoint.name, retryAfterMilliseconds: parsed?.retryAfterMilliseconds ?? 0)
        }
        let message = parsed?.error ?? "no error message"
        return .server(endpoint: endpoint.name, status: reply.status, errcode: errcode, message: message)
    }

    /// A transport failure as `unreachable`, keeping cancellation as it is.
    func transportError(_ error: any Error) -> any Error {
        if error is CancellationError || Task.isCancelled { return CancellationError() }
        if let error = error as? MatrixError { return recorded(error) }
        if let error = error as? HTTPClientError, error == .cancelled { return CancellationError() }
        return recorded(.unreachable(server: homeserver.name, reason: Self.summary(of: error)))
    }

    /// Records the error as the last one for the debug panel and returns it.
    func recorded(_ error: MatrixError) -> MatrixError {
        recorder.recordError(error)
        return error
    }

    static func encode(_ body: any Encodable, for endpoint: Endpoint) throws -> ByteBuffer {
        do {
            return ByteBuffer(bytes: try JSONEncoder().encode(body))
        } catch {
            throw MatrixError.undecodableReply(endpoint: endpoint.name, detail: "the request could not be encoded")
        }
    }

    /// A short, single-line account of an error from a library (decoding or networking).
    static func summary(of error: any Error) -> String {
        switch error {
        case let DecodingError.keyNotFound(key, context):
            "\(key.stringValue) is missing at \(path(context))"
        case let DecodingError.typeMismatch(_, context), let DecodingError.valueNotFound(_, context):
            "\(path(context)) has an unexpected type"
        case let DecodingError.dataCorrupted(context):
            "it is not JSON (\(path(context)))"
        case let error as HTTPClientError:
            String(describing: error).replacingOccurrences(of: "HTTPClientError.", with: "")
        default:
            String(describing: error).split(separator: "\n").first.map(String.init) ?? "unknown error"
        }
    }

    private static func path(_ context: DecodingError.Context) -> String {
        let path = context.codingPath.map(\.stringValue).joined(separator: ".")
        return path.isEmpty ? "the top level" : path
    }
}

/// An empty JSON object, for calls whose body or answer is `{}`.
struct EmptyJSON: Codable, Sendable {}

extension MatrixClient {
    /// Any endpoint not wrapped above (e.g. a server's admin API in tests): `path` is the full path under the
    /// base URL with segments already escaped; the answer is returned as JSON.
    public func callAPI(
        _ method: String, path: String, query: [(String, String)] = [], body: JSONValue? = nil,
        authenticated: Bool = true
    ) async throws -> JSONValue {
        let endpoint = Endpoint(HTTPMethod(rawValue: method), path, query: query, authenticated: authenticated)
        return try await call(endpoint, body: body)
    }

    /// Escapes one path segment for `callAPI` (user ids, room ids, aliases).
    public static func escapedPathSegment(_ text: String) -> String { segment(text) }
}
