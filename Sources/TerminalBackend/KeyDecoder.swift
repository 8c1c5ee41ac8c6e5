import ParleyContracts

/// Turns the bytes a terminal sends into Parley's inputs: keys, mouse events and pastes.
///
/// Parley reads the terminal itself rather than through ncurses, which reads one byte per system call and
/// knows nothing of pastes: a 1 MB paste must not cost a million calls and a million keys. The decoder is a
/// value type fed whatever each read returned, so it is tested without a terminal.
///
/// - An escape sequence (an arrow, a function key, a mouse report) may be split across reads: its start is
///   held until more bytes complete it, or `flush()` says none are coming (a lone ESC is the Escape key,
///   ESC and a character an Alt key).
/// - Text is UTF-8; a byte that is not valid UTF-8 becomes U+FFFD and decoding goes on with the next byte.
/// - Between the bracketed-paste markers (`ESC [200~` … `ESC [201~`) everything is text: it arrives as one
///   `.paste`, its line ends as `\n`, never as Enter keys that would send each line.
public struct KeyDecoder: Sendable {
    /// The start of a sequence or character that the next read may complete.
    private var held: [UInt8] = []
    /// The paste read so far, between its markers.
    private var pasted: [UInt8]?

    public init() {}

    /// Whether a paste has begun and its end marker is still to come.
    public var isPasting: Bool { pasted != nil }

    /// Whether the start of an escape sequence or character waits for more bytes.
    public var isHolding: Bool { !held.isEmpty }

    /// The inputs that `bytes`, following what was fed before, complete.
    public mutating func feed(_ bytes: some Collection<UInt8>) -> [TerminalInput] {
        var buffer = held
        buffer.append(contentsOf: bytes)
        held = []
        var inputs: [TerminalInput] = []
        var index = 0
        while index < buffer.count {
            if pasted != nil {
                index = collectPaste(buffer, from: index, into: &inputs)
                continue
            }
            switch Self.decode(buffer, at: index) {
            case .incomplete:
                held = Array(buffer[index...])
                return inputs
            case let .decoded(decoded, next):
                inputs += decoded
                index = next
            case let .pasteBegins(next):
                pasted = []
                index = next
            }
        }
        return inputs
    }

    /// What the held bytes mean when no more input is coming: ESC alone is Escape, ESC and a character is
    /// Alt with it, a cut-off character is U+FFFD, a cut-off sequence is dropped. A paste waits for its end.
    public mutating func flush() -> [TerminalInput] {
        guard !held.isEmpty, pasted == nil else { return [] }
        defer { held = [] }
        if held == [27] { return [.key(.escape)] }
        if held[0] == 27, held.count == 2, (32..<127).contains(held[1]) {
            return [.key(.alt(Character(Unicode.Scalar(held[1]))))]
        }
        if held[0] == 27 { return [] }
        return [.key(.character("\u{FFFD}"))]
    }

    // MARK: - Pastes

    private static let pasteEnd: [UInt8] = Array("\u{1B}[201~".utf8)

    /// Adds `buffer` from `start` to the paste up to its end marker; returns where decoding goes on.
    private mutating func collectPaste(_ buffer: [UInt8], from start: Int, into inputs: inout [TerminalInput]) -> Int {
        let end = Self.pasteEnd
        var search = start
        while let escape = buffer[search...].firstIndex(of: 27) {
            let available = buffer.count - escape
            if available < end.count && buffer[escape...].elementsEqual(end.prefix(available)) {
                // Perhaps the end marker, cut by the read: decided by the next one.
                pasted?.append(contentsOf: buffer[start..<escape])
                held = Array(buffer[escape...])
                return buffer.count
            }
            if available >= end.count && buffer[escape..<(escape + end.count)].elementsEqual(end) {
                pasted?.append(contentsOf: buffer[start..<escape])
                inputs.append(.paste(Self.pastedText(pasted ?? [])))
                pasted = nil
                return escape + end.count
            }
            search = escape + 1
        }
        pasted?.append(contentsOf: buffer[start...])
        return buffer.count
    }

    /// Pasted bytes as text: terminals send a pasted line end as CR (or CR LF), which becomes `\n`; invalid
    /// UTF-8 becomes U+FFFD.
    static func pastedText(_ bytes: [UInt8]) -> String {
        var text: [UInt8] = []
        text.reserveCapacity(bytes.count)
        var previous: UInt8 = 0
        for byte in bytes {
            defer { previous = byte }
            if byte == 10 && previous == 13 { continue }  // the CR already became the line end
            text.append(byte == 13 ? 10 : byte)
        }
        return String(decoding: text, as: UTF8.self)
    }
}
