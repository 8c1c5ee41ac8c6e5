/// An image rendered to terminal cells, ready for a view to place.
public struct Preview: Sendable, Hashable {
    /// Rows top to bottom, all the same width; never larger than the box asked for.
    public var rows: [[Cell]]
    /// The image's own size in pixels.
    public var sourceWidth: Int
    public var sourceHeight: Int
    public var palette: Palette

    public init(rows: [[Cell]], sourceWidth: Int, sourceHeight: Int, palette: Palette) {
        self.rows = rows
        self.sourceWidth = sourceWidth
        self.sourceHeight = sourceHeight
        self.palette = palette
    }

    /// Width in cells.
    public var width: Int { rows.first?.count ?? 0 }
    /// Height in cells.
    public var height: Int { rows.count }
}

/// The colours a preview may use, matching what the terminal can show.
public enum Palette: String, Sendable, Hashable, CaseIterable, Codable {
    /// 24-bit colours: cells hold `.rgb`.
    case truecolor
    /// The xterm 256-colour palette: cells hold `.indexed(0...255)`.
    case colors256
    /// The basic eight colours: cells hold `.indexed(0...7)`.
    case colors8
}
