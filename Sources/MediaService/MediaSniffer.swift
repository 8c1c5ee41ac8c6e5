/// Tells a file's type from its first bytes, not its name: names lie, magic numbers rarely do.
enum MediaSniffer {
    private static let signatures: [(bytes: [UInt8], offset: Int, mediaType: String)] = [
        ([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], 0, "image/png"),
        ([0xFF, 0xD8, 0xFF], 0, "image/jpeg"),
        (Array("GIF8".utf8), 0, "image/gif"),
        (Array("WAVE".utf8), 8, "audio/wav"),
        (Array("fLaC".utf8), 0, "audio/flac"),
        (Array("OggS".utf8), 0, "audio/ogg"),
        (Array("%PDF-".utf8), 0, "application/pdf"),
        ([0x50, 0x4B, 0x03, 0x04], 0, "application/zip"),
        ([0x1F, 0x8B], 0, "application/gzip"),
    ]

    static func mediaType(of prefix: [UInt8]) -> String {
        if prefix.isEmpty { return "inode/x-empty" }
        for signature in signatures where prefix.count >= signature.offset + signature.bytes.count {
            if prefix[signature.offset..<(signature.offset + signature.bytes.count)].elementsEqual(signature.bytes) {
                return signature.mediaType
            }
        }
        return utf8Text(prefix, complete: false) == nil ? "application/octet-stream" : "text/plain"
    }

    /// `bytes` as text when they are UTF-8 without NUL or other binary control bytes.
    /// - Parameter complete: false when `bytes` may end inside a character cut off by the prefix's limit.
    static func utf8Text(_ bytes: [UInt8], complete: Bool) -> String? {
        let binary = bytes.contains { $0 < 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D && $0 != 0x0C && $0 != 0x1B }
        guard !binary else { return nil }
        // A cut character is at most three bytes long; try dropping up to that many from the end.
        for dropped in 0...(complete ? 0 : min(3, bytes.count)) {
            if let text = String(validating: bytes.dropLast(dropped), as: UTF8.self) { return text }
        }
        return nil
    }
}
