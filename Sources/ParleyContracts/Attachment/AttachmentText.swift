/// How the attachment contract's sentences show untrusted names and sizes. Kept in a namespace of its own
/// because other contracts share this module.
enum AttachmentText {
    /// `text` with control characters (ESC among them) and bidi overrides shown as visible pictures, so that
    /// a sentence quoting a hostile file name cannot drive the terminal it is printed on.
    static func visible(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x00...0x1F: result.unicodeScalars.append(Unicode.Scalar(0x2400 + scalar.value)!)  // ␀ … ␛ … ␟
            case 0x7F: result += "␡"
            case 0x80...0x9F, 0x2028, 0x2029, 0x202A...0x202E, 0x2066...0x2069: result += "\u{FFFD}"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// The first characters of a content hash: enough to tell attachments apart in a sentence.
    static func shortID(_ id: String) -> String { String(visible(id).prefix(12)) }

    /// A size as people read it: `512 bytes`, `3.4 KiB`, `100 MiB`, `1.5 GiB`.
    static func bytes(_ count: Int64) -> String {
        guard count >= 1024 else { return count == 1 ? "1 byte" : "\(count) bytes" }
        let units = ["KiB", "MiB", "GiB", "TiB"]
        var value = Double(count) / 1024
        var unit = 0
        while value >= 1024, unit < units.count - 1 {
            value /= 1024
            unit += 1
        }
        let rounded = (value * 10).rounded() / 10
        let number = rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
        return "\(number) \(units[unit])"
    }
}
