import Foundation
import Synchronization

/// One client of `IRCServer`: reads its lines and answers them; writes are whole lines, one writer at a time.
final class IRCConnection: Sendable {
    private let descriptor: Int32
    private let writing = Mutex<Void>(())
    private let state = Mutex<(nick: String, user: Bool, registered: Bool, channels: Set<String>)>(
        ("*", false, false, []))

    init(_ descriptor: Int32) { self.descriptor = descriptor }

    func hasJoined(_ channel: String) -> Bool { state.withLock { $0.channels.contains(channel) } }

    func write(_ bytes: [UInt8]) {
        writing.withLock { _ in
            var sent = 0
            while sent < bytes.count {
                let count = bytes[sent...].withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
                guard count > 0 else { return }
                sent += count
            }
        }
    }

    func close() { shutdown(descriptor, Int32(SHUT_RDWR)) }

    func serve() {
        var pending: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            guard count > 0 else { break }
            pending += buffer[..<count]
            while let end = pending.firstIndex(of: 10) {
                let line = String(decoding: pending[..<end], as: UTF8.self).trimmingCharacters(
                    in: .whitespacesAndNewlines)
                pending.removeSubrange(...end)
                answer(line)
            }
        }
        Glibc.close(descriptor)
    }

    private func reply(_ lines: String...) {
        write(Array(lines.map { ":\(IRCServer.name) \($0)\r\n" }.joined().utf8))
    }

    private func answer(_ line: String) {
        let words = line.split(separator: " ", maxSplits: 1).map(String.init)
        guard let command = words.first?.uppercased() else { return }
        let argument = words.count > 1 ? words[1] : ""
        let target = argument.split(separator: " ").first.map(String.init) ?? ""
        let nick = state.withLock { $0.nick }
        switch command {
        case "CAP" where target == "LS": reply("CAP * LS :")
        case "NICK":
            state.withLock { $0.nick = target.trimmingCharacters(in: [":"]) }
            registerIfReady()
        case "USER":
            state.withLock { $0.user = true }
            registerIfReady()
        case "PING": reply("PONG \(IRCServer.name) :\(argument.trimmingCharacters(in: [":"]))")
        case "JOIN":
            // irssi sends an empty `JOIN :` before it registers: only named channels are joined.
            for channel in target.split(separator: ",").map(String.init) where channel.hasPrefix("#") {
                state.withLock { _ = $0.channels.insert(channel) }
                write(Array(":\(nick)!\(nick)@127.0.0.1 JOIN \(channel)\r\n".utf8))
                reply(
                    "331 \(nick) \(channel) :No topic is set", "353 \(nick) = \(channel) :\(nick) flooder",
                    "366 \(nick) \(channel) :End of /NAMES list")
            }
        case "MODE" where target.hasPrefix("#"):
            argument.contains(" b")
                ? reply("368 \(nick) \(target) :End of channel ban list")
                : reply("324 \(nick) \(target) +nt")
        case "MODE": reply("221 \(nick) +i")
        case "WHO": reply("315 \(nick) \(target) :End of /WHO list")
        case "QUIT": close()
        default: break
        }
    }

    private func registerIfReady() {
        let (nick, ready) = state.withLock { state in
            let ready = state.user && state.nick != "*" && !state.registered
            if ready { state.registered = true }
            return (state.nick, ready)
        }
        guard ready else { return }
        reply(
            "001 \(nick) :Welcome to the benchmark's IRC server, \(nick)",
            "002 \(nick) :Your host is \(IRCServer.name)", "003 \(nick) :This server was created today",
            "004 \(nick) \(IRCServer.name) bench-1 io ntb", "005 \(nick) CHANTYPES=# PREFIX=(ov)@+ :are supported",
            "375 \(nick) :- \(IRCServer.name) Message of the day -", "372 \(nick) :- for benchmarks only",
            "376 \(nick) :End of /MOTD command")
    }
}
