/// Bounds that keep hostile or huge files from costing more than a preview is worth.
public struct MediaLimits: Sendable, Equatable {
    /// Images with more pixels than this are refused before decoding (50 megapixels by default).
    public var maxPixels: Int
    /// The largest preview box side and waveform width, in cells.
    public var maxCells: Int
    /// How many previews the in-memory cache keeps; the least recently used goes first.
    public var cachedPreviews: Int
    /// How much of a text file is read for its first lines.
    public var textPrefixBytes: Int
    public var textLines: Int
    /// How often a playing sound publishes its position.
    public var positionInterval: Duration
    /// Video frames drawn a second at most; a faster video has the frames between skipped.
    public var maxFrameRate: Int = 30
    /// Sounds and videos longer than this are refused (a day by default): a header may claim ten years.
    public var maxDuration: Duration

    public init(
        maxPixels: Int = 50_000_000, maxCells: Int = 1000, cachedPreviews: Int = 64, textPrefixBytes: Int = 4096,
        textLines: Int = 8, positionInterval: Duration = .seconds(1), maxDuration: Duration = .seconds(86_400)
    ) {
        self.maxPixels = maxPixels
        self.maxCells = maxCells
        self.cachedPreviews = cachedPreviews
        self.textPrefixBytes = textPrefixBytes
        self.textLines = textLines
        self.positionInterval = positionInterval
        self.maxDuration = maxDuration
    }
}
