/// Gathers the bytes of one UTF-8 character; a broken sequence becomes U+FFFD.
struct UTF8Collector {
    private var bytes: [UInt8] = []
    private var expected = 0

    mutating func add(_ byte: UInt8) -> Unicode.Scalar? {
        if bytes.isEmpty {
            switch byte {
            case 0..<0x80: return Unicode.Scalar(byte)
            case 0xC0..<0xE0: expected = 2
            case 0xE0..<0xF0: expected = 3
            case 0xF0..<0xF8: expected = 4
            default: return "\u{FFFD}"
            }
            bytes = [byte]
            return nil
        }
        guard byte & 0xC0 == 0x80 else {
            bytes = []
            return add(byte) ?? "\u{FFFD}"
        }
        bytes.append(byte)
        guard bytes.count == expected else { return nil }
        defer { bytes = [] }
        return String(decoding: bytes, as: UTF8.self).unicodeScalars.first
    }
}
