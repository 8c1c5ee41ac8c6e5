import Foundation

/// File names from other people are untrusted: a saved attachment must land where the user asked, under a
/// name that cannot climb out of the folder, hide itself, or drive the terminal that lists it.
enum SafeFileName {
    /// The longest name most file systems accept, in bytes.
    static let maxBytes = 255

    /// Whether `name` holds a control character (ESC, and so any escape sequence, among them) or a bidi
    /// override; such names are refused on import rather than quietly changed.
    static func isUnsafe(_ name: String) -> Bool { name.unicodeScalars.contains(where: isControl) }

    /// `name` made safe to create in a folder: escape sequences and other controls removed, path separators
    /// replaced, no leading dots and no `..`, at most 255 bytes with its extension kept; `fallback` when
    /// nothing is left.
    static func make(_ name: String, fallback: String = "attachment") -> String {
        var scalars = String.UnicodeScalarView(withoutEscapeSequences(name))
        scalars = String.UnicodeScalarView(scalars.map { $0 == "/" || $0 == "\\" ? "_" : $0 })
        var text = String(scalars)
        while text.contains("..") { text = text.replacingOccurrences(of: "..", with: ".") }
        text = String(text.drop(while: { $0 == "." || $0.isWhitespace }))
        while let last = text.last, last == "." || last.isWhitespace { text.removeLast() }
        return text.isEmpty ? fallback : truncated(text)
    }

    // MARK: - Pieces

    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F: true  // C0, DEL, C1 (0x9B is a one-byte CSI)
        case 0x2028, 0x2029, 0x202A...0x202E, 0x2066...0x2069: true  // line breaks and bidi overrides
        default: false
        }
    }

    /// The scalars of `text` without whole escape sequences (CSI, OSC and string commands, two-byte
    /// escapes) and without any other control: removing only ESC would leave `[31m` litter behind.
    static func withoutEscapeSequences(_ text: String) -> [Unicode.Scalar] {
        var result: [Unicode.Scalar] = []
        var scalars = Array(text.unicodeScalars)[...]
        while let scalar = scalars.popFirst() {
            switch scalar.value {
            case 0x1B:
                guard let kind = scalars.popFirst() else { break }
                switch kind {
                case "[": skipControlSequence(&scalars)
                case "]", "P", "X", "^", "_": skipStringCommand(&scalars)
                default: break  // a two-byte escape such as ESC c: both bytes dropped
                }
            case 0x9B: skipControlSequence(&scalars)
            case 0x9D, 0x90, 0x98, 0x9E, 0x9F: skipStringCommand(&scalars)
            default:
                if !isControl(scalar) { result.append(scalar) }
            }
        }
        return result
    }

    /// CSI: parameter and intermediate bytes up to and including a final byte in `@`...`~`.
    private static func skipControlSequence(_ scalars: inout ArraySlice<Unicode.Scalar>) {
        while let next = scalars.popFirst() {
            if (0x40...0x7E).contains(next.value) { return }
            if !(0x20...0x3F).contains(next.value) { return }  // malformed: stop at the first odd byte
        }
    }

    /// OSC and friends: everything up to BEL or the string terminator (ESC \ or 0x9C).
    private static func skipStringCommand(_ scalars: inout ArraySlice<Unicode.Scalar>) {
        while let next = scalars.popFirst() {
            switch next.value {
            case 0x07, 0x9C: return
            case 0x1B:
                if scalars.first == "\\" { scalars.removeFirst() }
                return
            default: continue
            }
        }
    }

    /// Cuts the stem, never the extension, until the name fits in `maxBytes` UTF-8 bytes.
    private static func truncated(_ name: String) -> String {
        guard name.utf8.count > maxBytes else { return name }
        let dot = name.lastIndex(of: ".")
        var stem = dot.map { String(name[..<$0]) } ?? name
        var suffix = dot.map { String(name[$0...]) } ?? ""
        if suffix.utf8.count > 32 { suffix = "" }  // a "extension" that long is part of the name
        if suffix.isEmpty { stem = name }
        while stem.utf8.count + suffix.utf8.count > maxBytes { stem.removeLast() }
        return stem + suffix
    }
}
