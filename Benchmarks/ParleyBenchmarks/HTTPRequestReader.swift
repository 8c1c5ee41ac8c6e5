import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Reads HTTP/1.1 requests one after another from a keep-alive connection, as much of HTTP as the
/// stand-in homeserver needs: the request line, the headers, and a body by `Content-Length` or chunks.
struct HTTPRequestReader {
    struct Request {
        var method: String
        var path: String
        var query: [String: String]
        var body: Data
    }

    let descriptor: Int32
    private var buffer = Data()

    init(descriptor: Int32) { self.descriptor = descriptor }

    /// The next request, or nil when the client closed the connection (or sent something unreadable).
    mutating func next() -> Request? {
        guard let headEnd = readUntil(Data("\r\n\r\n".utf8)) else { return nil }
        let head = String(decoding: buffer[buffer.startIndex..<headEnd], as: UTF8.self)
        buffer.removeSubrange(buffer.startIndex..<(headEnd + 4))
        let lines = head.components(separatedBy: "\r\n")
        let parts = lines.first?.split(separator: " ") ?? []
        guard parts.count >= 2 else { return nil }
        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(
                in: .whitespaces)
        }
        let body: Data
        if headers["transfer-encoding"]?.lowercased() == "chunked" {
            guard let chunks = readChunks() else { return nil }
            body = chunks
        } else {
            guard let length = readExactly(Int(headers["content-length"] ?? "0") ?? 0) else { return nil }
            body = length
        }
        let target = String(parts[1])
        let pathEnd = target.firstIndex(of: "?") ?? target.endIndex
        var query: [String: String] = [:]
        if pathEnd < target.endIndex {
            for pair in target[target.index(after: pathEnd)...].split(separator: "&") {
                let item = pair.split(separator: "=", maxSplits: 1).map { String($0).removingPercentEncoding ?? "" }
                query[item[0]] = item.count > 1 ? item[1] : ""
            }
        }
        return Request(method: String(parts[0]), path: String(target[..<pathEnd]), query: query, body: body)
    }

    /// A chunked body: sizes in hex on lines of their own, each chunk followed by CRLF, ending at size 0.
    private mutating func readChunks() -> Data? {
        var body = Data()
        while true {
            guard let lineEnd = readUntil(Data("\r\n".utf8)) else { return nil }
            let line = String(decoding: buffer[buffer.startIndex..<lineEnd], as: UTF8.self)
            buffer.removeSubrange(buffer.startIndex..<(lineEnd + 2))
            guard let size = Int(line.split(separator: ";").first ?? "", radix: 16) else { return nil }
            guard let chunk = readExactly(size + 2) else { return nil }
            if size == 0 { return body }
            body += chunk.prefix(size)
        }
    }

    /// Reads until `marker` is buffered; returns where it starts.
    private mutating func readUntil(_ marker: Data) -> Data.Index? {
        while true {
            if let range = buffer.range(of: marker) { return range.lowerBound }
            guard fill() else { return nil }
        }
    }

    /// Takes exactly `count` bytes off the buffer, reading more as needed.
    private mutating func readExactly(_ count: Int) -> Data? {
        while buffer.count < count {
            guard fill() else { return nil }
        }
        let taken = Data(buffer.prefix(count))
        buffer.removeFirst(count)
        return taken
    }

    private mutating func fill() -> Bool {
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        let count = chunk.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
        guard count > 0 else { return false }
        buffer.append(contentsOf: chunk[..<count])
        return true
    }
}
