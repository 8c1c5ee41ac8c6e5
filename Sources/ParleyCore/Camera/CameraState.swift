import ParleyContracts

/// The viewfinder as the app shows it: closed, opening, live, or holding a still to send.
public struct CameraState: Equatable, Sendable {
    public enum Mode: Equatable, Sendable {
        case closed
        /// `/camera` asked the service to open the device; frames may already come.
        case opening
        case live
        /// Space or Enter took a still: Enter sends it, Esc goes back to the live view.
        case still(CameraStill)
        /// The still is being taken: the view holds the frame it is of.
        case takingStill
    }

    public var mode: Mode = .closed
    /// The capture's device, format and size, once it is open.
    public var info: CameraInfo?
    /// The frame drawn last; held still while a still is shown.
    public var frame: [[Cell]] = []
    /// What the debug panel shows: the last second's frames captured, drawn and dropped.
    public var rates: CameraRates?
    /// Frames drawn since the last stats came in.
    var drawnSinceStats = 0

    public init() {}

    public var isOpen: Bool { mode != .closed }

    /// Forgets the capture, as when the viewfinder closes.
    mutating func close() {
        self = CameraState()
    }
}

/// Frames a second in the viewfinder: captured by the device, drawn by the app, and dropped between them
/// (by a busy UI, or skipped to keep to 30 a second).
public struct CameraRates: Equatable, Sendable {
    public var info: CameraInfo
    public var captured: Int
    public var drawn: Int
    public var dropped: Int { max(0, captured - drawn) }

    public init(info: CameraInfo, captured: Int, drawn: Int) {
        self.info = info
        self.captured = captured
        self.drawn = drawn
    }
}
