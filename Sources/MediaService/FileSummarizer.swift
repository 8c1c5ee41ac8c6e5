import ParleyContracts

/// Sums up a file that is neither previewed nor played: its type, its size and, for text, its first lines,
/// read from a small bounded prefix so a huge log costs no more than a short note.
struct FileSummarizer: Sendable {
    let prefixBytes: Int
    let lines: Int

    func summarize(_ path: String, mediaType hint: String?) throws(MediaError) -> FileSummary {
        let size = try FileCheck.size(of: path)
        let prefix = try FileCheck.prefix(of: path, limit: prefixBytes)
        let mediaType = hint.flatMap { $0.isEmpty ? nil : $0 } ?? MediaSniffer.mediaType(of: prefix)
        let firstLines =
            mediaType.hasPrefix("text/") ? textLines(prefix, complete: Int64(prefix.count) == size) : []
        return FileSummary(mediaType: mediaType, size: size, firstLines: firstLines)
    }

    /// The first lines of `prefix` as text, or none when it is not UTF-8 text after all.
    /// - Parameter complete: whether the prefix is the whole file; if not, its last line is cut short
    ///   and is dropped (unless it is the only one).
    func textLines(_ prefix: [UInt8], complete: Bool) -> [String] {
        guard let text = MediaSniffer.utf8Text(prefix, complete: complete) else { return [] }
        var found = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map(String.init)
        if complete || found.count == 1 {
            // A final newline ends the last line; it does not start an empty one.
            if found.last == "" { found.removeLast() }
        } else {
            found.removeLast()
        }
        return Array(found.prefix(lines))
    }
}
