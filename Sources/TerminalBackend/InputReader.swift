import Foundation
import ParleyContracts

/// Reads what the terminal sent, in large reads, and reports it as Parley's inputs. Used only on the
/// terminal's thread.
struct InputReader {
    /// How long a half-read escape sequence may wait for its rest before it counts as the keys read so far:
    /// long enough for a sequence split by the connection, short enough that Esc feels instant.
    static let escapeDelayMilliseconds: Int32 = 25

    private var decoder = KeyDecoder()
    private var buffer = [UInt8](repeating: 0, count: 1 << 16)
    private let descriptor: Int32
    private let onInput: @Sendable (TerminalInput) -> Void

    init(descriptor: Int32, onInput: @escaping @Sendable (TerminalInput) -> Void) {
        self.descriptor = descriptor
        self.onInput = onInput
    }

    /// Whether an escape sequence waits for its rest: the caller waits at most `escapeDelayMilliseconds`
    /// for more input, then calls `flush()`. A paste waits for its end marker however long it takes.
    var isWaitingForEscape: Bool { decoder.isHolding && !decoder.isPasting }

    /// Reads everything waiting, without blocking (each read follows a poll that said there is input).
    /// - Returns: false when the terminal is gone (end of input or an error).
    mutating func readAvailable() -> Bool {
        let descriptor = descriptor
        repeat {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count == 0 { return false }
            if count < 0 { return errno == EINTR || errno == EAGAIN }
            for input in decoder.feed(buffer[..<count]) { onInput(input) }
        } while hasInput()
        return true
    }

    /// Reports what the held bytes mean now that no more input came.
    mutating func flush() {
        for input in decoder.flush() { onInput(input) }
    }

    private func hasInput() -> Bool {
        var descriptor = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        return poll(&descriptor, 1, 0) > 0 && descriptor.revents & Int16(POLLIN) != 0
    }
}
