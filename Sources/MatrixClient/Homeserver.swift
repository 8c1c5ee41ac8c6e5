import Foundation

/// A homeserver's base URL, checked: `https://` anywhere, plain `http://` only on this machine's loopback.
///
/// Plain HTTP would carry passwords and access tokens readable by anyone on the path, so it is allowed only
/// where the path never leaves the machine (127.0.0.0/8, ::1, localhost), as in tests.
public struct Homeserver: Sendable, Hashable, CustomStringConvertible {
    /// The base URL with no trailing slash, e.g. `https://matrix.example.org` or `http://127.0.0.1:8008`.
    public let baseURL: URL
    /// The host (and port, when one is given), for display and for error sentences.
    public let name: String

    public init(_ text: String) throws(MatrixError) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard let components = URLComponents(string: trimmed), let scheme = components.scheme?.lowercased(),
            let host = components.host, !host.isEmpty
        else {
            throw .invalidServerURL(text, reason: "it is not a URL like https://matrix.example.org")
        }
        guard components.query == nil, components.fragment == nil, components.user == nil else {
            throw .invalidServerURL(text, reason: "a homeserver URL has no query, fragment or user name")
        }
        switch scheme {
        case "https": break
        case "http":
            guard Self.isLoopback(host) else { throw .insecureServer(text) }
        default:
            throw .invalidServerURL(text, reason: "its scheme is \(scheme), not https or http")
        }
        var base = trimmed
        while base.hasSuffix("/") { base.removeLast() }
        guard let url = URL(string: base) else {
            throw .invalidServerURL(text, reason: "it is not a URL like https://matrix.example.org")
        }
        baseURL = url
        name = components.port.map { "\(host):\($0)" } ?? host
    }

    public var description: String { baseURL.absoluteString }

    /// Whether `host` names this machine's loopback interface: localhost, 127.0.0.0/8 or ::1.
    static func isLoopback(_ host: String) -> Bool {
        let bare = host.trimmingCharacters(in: CharacterSet(charactersIn: "[]")).lowercased()
        if bare == "localhost" || bare == "::1" || bare == "0:0:0:0:0:0:0:1" { return true }
        let octets = bare.split(separator: ".", omittingEmptySubsequences: false)
        guard octets.count == 4, octets.allSatisfy({ UInt8($0) != nil }) else { return false }
        return octets[0] == "127"
    }
}
