/// A colour a terminal cell can take: the terminal's own default, one of the 256 indexed colours (0–7 are
/// the basic eight), or a 24-bit colour that a backend maps down to what the terminal supports.
public enum TerminalColor: Sendable, Hashable {
    case `default`
    case indexed(UInt8)
    case rgb(UInt8, UInt8, UInt8)
}

/// Text attributes of a cell.
public struct CellAttributes: OptionSet, Sendable, Hashable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    public static let bold = CellAttributes(rawValue: 1 << 0)
    public static let dim = CellAttributes(rawValue: 1 << 1)
    public static let italic = CellAttributes(rawValue: 1 << 2)
    public static let underline = CellAttributes(rawValue: 1 << 3)
    public static let reverse = CellAttributes(rawValue: 1 << 4)
}

/// One terminal cell: a single printable grapheme and how to draw it.
///
/// A wide grapheme (an emoji, a CJK ideograph) occupies its cell and the next, which holds `continuation`.
/// Cells never hold control characters: whatever produces them (views, previews) makes text safe first.
public struct Cell: Sendable, Hashable {
    public var text: String
    public var foreground: TerminalColor
    public var background: TerminalColor
    public var attributes: CellAttributes

    public init(
        _ text: String = " ", foreground: TerminalColor = .default, background: TerminalColor = .default,
        attributes: CellAttributes = []
    ) {
        self.text = text
        self.foreground = foreground
        self.background = background
        self.attributes = attributes
    }

    public static let blank = Cell()
    /// The right half of a wide grapheme; backends skip it.
    public static let continuation = Cell("")
}
