/// Bounds on what a capture may cost.
public struct CameraLimits: Sendable, Equatable {
    /// Devices delivering larger frames are refused before any is decoded (16 megapixels by default).
    public var maxPixels: Int
    /// The largest viewfinder side, in cells.
    public var maxCells: Int
    /// Frames drawn a second at most; a faster device has the frames between skipped.
    public var maxFrameRate: Int
    /// How long a device may take to deliver its first frame before opening it fails.
    public var firstFrameTimeout: Duration
    public var jpegQuality: Int

    public init(
        maxPixels: Int = 16_000_000, maxCells: Int = 1000, maxFrameRate: Int = 30,
        firstFrameTimeout: Duration = .seconds(5), jpegQuality: Int = 90
    ) {
        self.maxPixels = maxPixels
        self.maxCells = maxCells
        self.maxFrameRate = maxFrameRate
        self.firstFrameTimeout = firstFrameTimeout
        self.jpegQuality = jpegQuality
    }
}
