/// Why the camera service refused a request or stopped capturing: one sentence naming the device and the problem.
public enum CameraError: Error, Sendable, Equatable, CustomStringConvertible {
    case noCamera(device: String)
    case busy(device: String)
    case notPermitted(device: String)
    case notCaptureDevice(device: String)
    /// The device stopped delivering frames: unplugged, or its stream ended.
    case gone(device: String)
    case unsupportedFormat(device: String, reason: String)
    case cannotOpen(device: String, reason: String)
    case tooLarge(device: String, width: Int, height: Int, limit: Int)
    case invalidBox(width: Int, height: Int, limit: Int)
    case notCapturing
    case noFrameYet
    case stillFailed(reason: String)

    public var description: String {
        switch self {
        case let .noCamera(device):
            "no camera at \(device); set camera.device in config.toml"
        case let .busy(device):
            "the camera at \(device) is busy: another program is using it"
        case let .notPermitted(device):
            "the camera at \(device) may not be opened by you; ask for access to it (often the video group)"
        case let .notCaptureDevice(device):
            "\(device) is not a capture device; /camera list shows the cameras found"
        case let .gone(device):
            "the camera at \(device) stopped delivering frames (unplugged?); the viewfinder is closed"
        case let .unsupportedFormat(device, reason):
            "the camera at \(device) delivers frames in a format Parley cannot show (\(reason))"
        case let .cannotOpen(device, reason):
            "the camera at \(device) cannot be opened: \(reason)"
        case let .tooLarge(device, width, height, limit):
            "the camera at \(device) delivers \(width)x\(height) frames, over the \(limit / 1_000_000)-megapixel limit"
        case let .invalidBox(width, height, limit):
            "a viewfinder of \(width)x\(height) cells is impossible: each side must be 1 to \(limit) cells"
        case .notCapturing:
            "the camera is not open; /camera opens it"
        case .noFrameYet:
            "the camera has delivered no frame yet; try again in a moment"
        case let .stillFailed(reason):
            "the still could not be saved: \(reason)"
        }
    }
}
