import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// A stand-in homeserver on 127.0.0.1 that answers only what a messaging service asks while it syncs:
/// `whoami`, the filter upload and `/sync`. Its first sync answer is the one it was given; later ones bring
/// nothing new and end at the same `next_batch`.
///
/// It fills a cache with a long history at once, through the messaging service's own sync path: Synapse
/// stores a message in tens of milliseconds (on a busy machine, over a hundred), so 20,000 real ones would
/// take most of an hour.
final class StandInHomeserver: Sendable {
    let port: UInt16
    private let listener: Int32
    private let userID: String
    private let firstAnswer: Data
    private let nextBatch: String
    private let answered = Mutex<(syncs: Int, stored: Bool)>((0, false))

    init(userID: String, firstAnswer: Data, nextBatch: String) throws {
        self.userID = userID
        self.firstAnswer = firstAnswer
        self.nextBatch = nextBatch
        listener = try Socket.listen()
        port = Socket.boundPort(listener)
        Thread.detachNewThread { [self] in acceptConnections() }
    }

    var url: String { "http://127.0.0.1:\(port)" }

    /// Whether the first answer was stored: a sync came from its `next_batch` (a service asks for the next
    /// answer only after storing the last).
    var firstAnswerStored: Bool { answered.withLock { $0.stored } }

    /// Stops listening; connections still open end with their clients.
    func close() {
        shutdown(listener, Int32(SHUT_RDWR))
        Glibc.close(listener)
    }

    private func acceptConnections() {
        while true {
            let connection = accept(listener, nil, nil)
            guard connection >= 0 else { return }
            Thread.detachNewThread { [self] in serve(connection) }
        }
    }

    /// Answers the requests of one keep-alive connection until the client closes it.
    private func serve(_ connection: Int32) {
        var reader = HTTPRequestReader(descriptor: connection)
        while let request = reader.next() {
            let (status, body) = answer(request)
            let head = "HTTP/1.1 \(status)\r\nContent-Type: application/json\r\nContent-Length: \(body.count)\r\n\r\n"
            guard Socket.write(connection, Data(head.utf8) + body) else { break }
        }
        Glibc.close(connection)
    }

    private func answer(_ request: HTTPRequestReader.Request) -> (String, Data) {
        let json = { (object: [String: Any]) in try! JSONSerialization.data(withJSONObject: object) }
        if request.path.hasSuffix("/account/whoami") {
            return ("200 OK", json(["user_id": userID, "device_id": "STANDIN"]))
        }
        if request.method == "POST", request.path.hasSuffix("/filter") {
            return ("200 OK", json(["filter_id": "1"]))
        }
        guard request.path.hasSuffix("/sync") else {
            return ("404 Not Found", json(["errcode": "M_UNRECOGNIZED", "error": "the stand-in answers only syncs"]))
        }
        let first = answered.withLock { answered in
            defer { answered.syncs += 1 }
            // Only a sync after the first answer counts: the app's own `since` may be that same token.
            if answered.syncs > 0, request.query["since"] == nextBatch { answered.stored = true }
            return answered.syncs == 0
        }
        if first { return ("200 OK", firstAnswer) }
        // A long poll with nothing new, kept short: the service is stopped as soon as the fill is stored.
        Thread.sleep(forTimeInterval: 0.5)
        return ("200 OK", json(["next_batch": nextBatch]))
    }
}

/// Plain sockets for the stand-in, on 127.0.0.1 only.
enum Socket {
    static func listen() throws -> Int32 {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard bound == 0, Glibc.listen(descriptor, 16) == 0 else {
            Glibc.close(descriptor)
            throw MatrixBenchFailure(description: "cannot listen on 127.0.0.1: \(String(cString: strerror(errno)))")
        }
        return descriptor
    }

    static func boundPort(_ descriptor: Int32) -> UInt16 {
        var address = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
        }
        return UInt16(bigEndian: address.sin_port)
    }

    /// Writes all of `data`; false when the peer has gone.
    static func write(_ descriptor: Int32, _ data: Data) -> Bool {
        data.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = send(descriptor, buffer.baseAddress! + offset, buffer.count - offset, Int32(MSG_NOSIGNAL))
                guard written > 0 else { return false }
                offset += written
            }
            return true
        }
    }
}
