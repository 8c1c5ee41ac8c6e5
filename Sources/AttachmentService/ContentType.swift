/// Detects a file's type from its first bytes, never from its name: a name is whatever the sender typed,
/// the bytes are what a viewer will have to parse.
enum ContentType {
    /// How many leading bytes detection looks at; enough for every signature and a fair sample of text.
    static let sniffLength = 4096

    static let fallback = "application/octet-stream"

    /// The MIME type of content starting with `prefix`.
    /// - Parameter isWholeFile: whether `prefix` is all of the file; if not, a UTF-8 sequence cut at its end
    ///   is not held against it.
    static func detect(_ prefix: [UInt8], isWholeFile: Bool) -> String {
        if prefix.isEmpty { return fallback }
        if let signature = signatures.first(where: { $0.matches(prefix) }) { return signature.mediaType }
        if let isoType = isoMediaType(prefix) { return isoType }
        if isMP3FrameSync(prefix) { return "audio/mpeg" }
        return isText(prefix, isWholeFile: isWholeFile) ? "text/plain" : fallback
    }

    // MARK: - Signatures

    private struct Signature {
        let mediaType: String
        let bytes: [UInt8]
        var offset = 0
        /// A second run of bytes that must also match, e.g. the form type after `RIFF....`.
        var also: (offset: Int, bytes: [UInt8])?

        func matches(_ data: [UInt8]) -> Bool {
            Self.has(bytes, at: offset, in: data) && (also.map { Self.has($0.bytes, at: $0.offset, in: data) } ?? true)
        }

        private static func has(_ bytes: [UInt8], at offset: Int, in data: [UInt8]) -> Bool {
            data.count >= offset + bytes.count && data[offset..<offset + bytes.count].elementsEqual(bytes)
        }
    }

    private static func ascii(_ text: String) -> [UInt8] { Array(text.utf8) }

    private static let signatures: [Signature] = [
        Signature(mediaType: "image/png", bytes: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]),
        Signature(mediaType: "image/jpeg", bytes: [0xFF, 0xD8, 0xFF]),
        Signature(mediaType: "image/gif", bytes: ascii("GIF87a")),
        Signature(mediaType: "image/gif", bytes: ascii("GIF89a")),
        Signature(mediaType: "image/webp", bytes: ascii("RIFF"), also: (8, ascii("WEBP"))),
        Signature(mediaType: "audio/wav", bytes: ascii("RIFF"), also: (8, ascii("WAVE"))),
        Signature(mediaType: "video/x-msvideo", bytes: ascii("RIFF"), also: (8, ascii("AVI "))),
        Signature(mediaType: "image/bmp", bytes: ascii("BM"), also: (6, [0, 0, 0, 0])),
        Signature(mediaType: "image/tiff", bytes: [0x49, 0x49, 0x2A, 0x00]),
        Signature(mediaType: "image/tiff", bytes: [0x4D, 0x4D, 0x00, 0x2A]),
        Signature(mediaType: "application/pdf", bytes: ascii("%PDF-")),
        Signature(mediaType: "application/zip", bytes: [0x50, 0x4B, 0x03, 0x04]),
        Signature(mediaType: "application/zip", bytes: [0x50, 0x4B, 0x05, 0x06]),
        Signature(mediaType: "application/gzip", bytes: [0x1F, 0x8B]),
        Signature(mediaType: "application/x-7z-compressed", bytes: [0x37, 0x7A, 0xBC, 0xAF, 0x27, 0x1C]),
        Signature(mediaType: "application/x-xz", bytes: [0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00]),
        Signature(mediaType: "application/zstd", bytes: [0x28, 0xB5, 0x2F, 0xFD]),
        Signature(mediaType: "audio/flac", bytes: ascii("fLaC")),
        Signature(mediaType: "audio/ogg", bytes: ascii("OggS")),
        Signature(mediaType: "audio/mpeg", bytes: ascii("ID3")),
        Signature(mediaType: "video/webm", bytes: [0x1A, 0x45, 0xDF, 0xA3]),
    ]

    /// ISO base media files (MP4, M4A, QuickTime, HEIC, AVIF) say what they are in their `ftyp` box's brand.
    private static func isoMediaType(_ data: [UInt8]) -> String? {
        guard data.count >= 12, data[4..<8].elementsEqual(ascii("ftyp")) else { return nil }
        switch String(decoding: data[8..<12], as: UTF8.self) {
        case "M4A ", "M4B ": return "audio/mp4"
        case "qt  ": return "video/quicktime"
        case "heic", "heix", "mif1": return "image/heic"
        case "avif", "avis": return "image/avif"
        default: return "video/mp4"
        }
    }

    /// An MPEG audio frame header without an ID3 tag: 11 set sync bits, then a valid layer.
    private static func isMP3FrameSync(_ data: [UInt8]) -> Bool {
        guard data.count >= 3, data[0] == 0xFF, data[1] & 0xE0 == 0xE0 else { return false }
        let layer = (data[1] >> 1) & 0x03
        let bitrate = data[2] >> 4
        return layer != 0 && bitrate != 0x0F
    }

    // MARK: - Text

    /// Text is UTF-8 (so no charset needs naming) with no NUL and no control characters other than the ones text files use (tabs, line breaks,
    /// form feeds, backspace and ESC, as in coloured logs).
    private static func isText(_ data: [UInt8], isWholeFile: Bool) -> Bool {
        let allowed: Set<UInt8> = [0x08, 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x1B]
        if data.contains(where: { ($0 < 0x20 && !allowed.contains($0)) || $0 == 0x7F }) { return false }
        // A multi-byte character may straddle the end of the sample: drop up to 3 trailing bytes to find out.
        let droppable = isWholeFile ? 0 : min(3, data.count - 1)
        return (0...droppable).contains { String(validating: data.dropLast($0), as: UTF8.self) != nil }
    }
}
