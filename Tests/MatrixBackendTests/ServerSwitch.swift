import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// A TCP forwarder on 127.0.0.1 in front of the test homeserver that a test can switch off (the listener
/// and every connection closed: the server is unreachable) and on again on the same port, to play a
/// homeserver going away mid-conversation without stopping the one every test shares.
final class ServerSwitch: Sendable {
    let port: UInt16
    private let target: UInt16
    private let state = Mutex<(listener: Int32, connections: [Int32])>((-1, []))
    private let silent = Mutex(false)

    init(forwardingTo url: String) throws {
        guard let target = URLComponents(string: url)?.port.map(UInt16.init) else {
            throw SwitchError(description: "\(url) names no port to forward to")
        }
        self.target = target
        let listener = try Self.listen(port: 0)
        port = Self.boundPort(listener)
        state.withLock { $0.listener = listener }
        accept(on: listener)
    }

    var url: String { "http://127.0.0.1:\(port)" }

    /// Closes the listener and every connection: new connections are refused, open ones end.
    func switchOff() {
        let closing = state.withLock { state in
            defer { state = (-1, []) }
            return [state.listener] + state.connections
        }
        for descriptor in closing where descriptor >= 0 {
            shutdown(descriptor, Int32(SHUT_RDWR))
            close(descriptor)
        }
    }

    /// New connections are taken and then left unanswered, as by a server that hangs or a network that drops
    /// packets: a client learns of it only from its own deadline.
    func goSilent() { silent.withLock { $0 = true } }

    func switchOn() throws {
        let listener = try Self.listen(port: port)
        state.withLock { $0.listener = listener }
        accept(on: listener)
    }

    private func accept(on listener: Int32) {
        Thread.detachNewThread { [self] in
            while true {
                let client = Glibc.accept(listener, nil, nil)
                guard client >= 0 else { return }
                if silent.withLock({ $0 }) {
                    state.withLock { $0.connections.append(client) }
                    continue
                }
                guard let upstream = try? Self.connect(port: target) else {
                    close(client)
                    continue
                }
                state.withLock { $0.connections += [client, upstream] }
                Thread.detachNewThread { Self.pump(from: client, to: upstream) }
                Thread.detachNewThread { Self.pump(from: upstream, to: client) }
            }
        }
    }

    private static func pump(from source: Int32, to destination: Int32) {
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(source, $0.baseAddress, $0.count) }
            guard count > 0 else { break }
            let written = buffer.withUnsafeBytes { send(destination, $0.baseAddress, count, Int32(MSG_NOSIGNAL)) }
            guard written == count else { break }
        }
        shutdown(destination, Int32(SHUT_WR))
    }

    private static func listen(port: UInt16) throws -> Int32 {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var yes: Int32 = 1
        setsockopt(descriptor, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = loopback(port: port)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard bound == 0, Glibc.listen(descriptor, 64) == 0 else {
            close(descriptor)
            throw SwitchError(description: "cannot listen on 127.0.0.1:\(port): \(String(cString: strerror(errno)))")
        }
        return descriptor
    }

    private static func connect(port: UInt16) throws -> Int32 {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = loopback(port: port)
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                Glibc.connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else {
            close(descriptor)
            throw SwitchError(description: "cannot reach the homeserver on port \(port)")
        }
        return descriptor
    }

    private static func boundPort(_ descriptor: Int32) -> UInt16 {
        var address = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
        }
        return UInt16(bigEndian: address.sin_port)
    }

    private static func loopback(port: UInt16) -> sockaddr_in {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        return address
    }
}

struct SwitchError: Error, CustomStringConvertible {
    let description: String
}
