/// One frame of the viewfinder, drawn in cells.
public struct CameraFrame: Sendable, Hashable {
    /// Counts frames from 1 since the capture opened.
    public var number: Int
    /// Rows top to bottom, all the same width, within the box asked for.
    public var rows: [[Cell]]

    public init(number: Int, rows: [[Cell]]) {
        self.number = number
        self.rows = rows
    }
}
