import ServiceRuntime

/// What the camera service does: captures from one device into a live viewfinder, takes stills as JPEG files,
/// and lists the capture devices found.
public enum CameraRequest: ServiceRequest, Equatable {
    /// Opens the configured device and starts publishing frames drawn in at most `width` x `height` cells;
    /// whatever was open is closed first.
    case open(width: Int, height: Int, palette: Palette)
    /// Draws the frames of the open capture into a new box, e.g. after the terminal was resized.
    case resize(width: Int, height: Int)
    /// Encodes the latest frame, at its full size, as a JPEG file.
    case takeStill
    /// Stops capturing and releases the device; nothing happens when nothing is open.
    case close
    /// The `/dev/video*` nodes that can capture, with their names.
    case listDevices

    public var kind: String {
        switch self {
        case .open: "open"
        case .resize: "resize"
        case .takeStill: "takeStill"
        case .close: "close"
        case .listDevices: "listDevices"
        }
    }
}

/// The camera service's answer to each `CameraRequest`, one case per request.
public enum CameraReply: Sendable, Equatable {
    case opened(CameraInfo)
    case resized
    case still(CameraStill)
    case closed
    case devices([CameraDevice])
}

/// What the camera service publishes while it captures.
public enum CameraEvent: Sendable, Equatable {
    /// A new frame, drawn in cells; frames a reader is too slow for are skipped, never queued up.
    case frame(CameraFrame)
    /// About once a second while capturing.
    case stats(CameraStats)
    /// Capture ended on its own: the device went away, or failed mid-stream. The device is released.
    case ended(CameraError)
}
