/// Making untrusted text safe and measuring it for the terminal.
///
/// Text from other users never reaches the terminal as control characters or escape sequences: each
/// control character is shown as a visible placeholder instead (`␛` for ESC, `^X` style pictures otherwise).
public enum TerminalText {
    /// Graphemes safe to put in a cell: controls become their visible Unicode "control pictures".
    public static func safeGraphemes(_ text: String) -> [String] {
        var result: [String] = []
        result.reserveCapacity(text.count)
        for character in text {
            if character.unicodeScalars.contains(where: isUnsafe) {
                for scalar in character.unicodeScalars {
                    result.append(isUnsafe(scalar) ? picture(of: scalar) : String(scalar))
                }
            } else {
                result.append(String(character))
            }
        }
        return result
    }

    /// `text` with every control character replaced by its visible picture.
    public static func sanitized(_ text: String) -> String { safeGraphemes(text).joined() }

    /// Columns a safe grapheme takes: 2 for East Asian wide and most emoji, 0 never (combining marks ride
    /// on their base in the same grapheme), 1 otherwise.
    public static func width(of grapheme: String) -> Int {
        // ASCII, most of what is drawn, takes one column: the Unicode property look-up below costs far more
        // than everything else a frame does per cell.
        if grapheme.utf8.count == 1 { return 1 }
        guard let first = grapheme.unicodeScalars.first else { return 0 }
        if grapheme.unicodeScalars.contains(where: { $0.value == 0xFE0F }) { return 2 }
        // Nothing below U+1100 is wide, and the first emoji shown as an emoji by default is U+231A.
        if first.value < 0x1100 { return 1 }
        if first.value < symbolsEnd { return Int(symbolWidths[Int(first.value) - 0x1100]) }
        if first.properties.isEmojiPresentation { return 2 }
        return isWide(first.value) ? 2 : 1
    }

    /// Where the table of worked-out widths ends: past the box drawing of day lines, the arrows and the `✓` of
    /// read receipts.
    private static let symbolsEnd: UInt32 = 0x3000

    /// The widths of U+1100 up to `symbolsEnd`, worked out once: day lines and marks draw these on every
    /// frame, and the Unicode property look-up for each cell cost more than the rest of the frame's drawing.
    private static let symbolWidths: [UInt8] = (0x1100..<symbolsEnd).map { value in
        guard let scalar = Unicode.Scalar(value) else { return 1 }
        return scalar.properties.isEmojiPresentation || isWide(value) ? 2 : 1
    }

    /// Columns `text` takes once made safe.
    public static func width(_ text: String) -> Int {
        safeGraphemes(text).reduce(0) { $0 + width(of: $1) }
    }

    public static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F: true  // C0, DEL, C1 (0x9B is a one-byte CSI)
        case 0x2028, 0x2029: true  // line and paragraph separators break layout
        case 0x202A...0x202E, 0x2066...0x2069: true  // bidi overrides can disguise text
        default: false
        }
    }

    private static func picture(of scalar: Unicode.Scalar) -> String {
        switch scalar.value {
        case 0x00...0x1F: String(Unicode.Scalar(0x2400 + scalar.value)!)  // ␀ … ␟, ␛ for ESC
        case 0x7F: "␡"
        default: "�"
        }
    }

    private static func isWide(_ value: UInt32) -> Bool {
        switch value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
            0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
            0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x2FFFD, 0x30000...0x3FFFD:
            true
        default: false
        }
    }
}
