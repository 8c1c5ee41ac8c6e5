import Foundation
import Synchronization

/// A small IRC server on 127.0.0.1, for the references: enough of the protocol for irssi and WeeChat to
/// register, join channels and receive what the benchmark says in them (CAP, NICK, USER, JOIN, MODE, WHO, PING
/// and QUIT; anything else is taken and ignored). One thread accepts; one thread a client reads.
final class IRCServer: Sendable {
    static let name = "bench.irc"
    let port: UInt16
    private let listener: Int32
    private let clients = Mutex<[IRCConnection]>([])

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    init() throws {
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard listener >= 0 else { throw Failure(description: "cannot open a socket for the IRC server") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0  // any free port, read back below
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { address in
                bind(listener, address, length) == 0 && listen(listener, 8) == 0
                    && getsockname(listener, address, &length) == 0
            }
        }
        guard bound else {
            let reason = String(cString: strerror(errno))
            close(listener)
            throw Failure(description: "the IRC server cannot listen on 127.0.0.1: \(reason)")
        }
        self.listener = listener
        port = UInt16(bigEndian: address.sin_port)
        let server = self
        Thread { server.accept() }.start()
    }

    /// Clients that have joined `channel`.
    func members(of channel: String) -> Int { clients.withLock { $0.filter { $0.hasJoined(channel) }.count } }

    /// Says each of `texts` in `channel` as `nick`, to every client in it, as fast as they take them; returns
    /// once the last byte is handed to the kernel.
    func say(_ texts: some Sequence<String>, in channel: String, as nick: String) {
        let members = clients.withLock { $0.filter { $0.hasJoined(channel) } }
        var batch: [UInt8] = []
        for text in texts {
            batch += Array(":\(nick)!\(nick)@127.0.0.1 PRIVMSG \(channel) :\(text)\r\n".utf8)
            if batch.count >= 1 << 16 {
                for member in members { member.write(batch) }
                batch.removeAll(keepingCapacity: true)
            }
        }
        if !batch.isEmpty { for member in members { member.write(batch) } }
    }

    /// Closes the listener and every connection.
    func stop() {
        shutdown(listener, Int32(SHUT_RDWR))
        close(listener)
        for client in clients.withLock({ $0 }) { client.close() }
    }

    private func accept() {
        while true {
            let descriptor = Glibc.accept(listener, nil, nil)
            guard descriptor >= 0 else { return }
            let connection = IRCConnection(descriptor)
            clients.withLock { $0.append(connection) }
            Thread { connection.serve() }.start()
        }
    }
}
