/// The capture a viewfinder shows: the device, and the frames it delivers.
public struct CameraInfo: Sendable, Hashable {
    /// As configured, e.g. `/dev/video0` or `lavfi:testsrc2=size=640x480:rate=30`.
    public var device: String
    /// The pixel format the device delivers, e.g. `yuyv422`, `mjpeg`.
    public var format: String
    public var width: Int
    public var height: Int
    /// Frames a second the device says it delivers; 0 when it does not say.
    public var frameRate: Double

    public init(device: String, format: String, width: Int, height: Int, frameRate: Double) {
        self.device = device
        self.format = format
        self.width = width
        self.height = height
        self.frameRate = frameRate
    }
}

/// How the capture is going, over the last second.
public struct CameraStats: Sendable, Hashable {
    public var info: CameraInfo
    /// Frames decoded from the device in the last second.
    public var capturedPerSecond: Int

    public init(info: CameraInfo, capturedPerSecond: Int) {
        self.info = info
        self.capturedPerSecond = capturedPerSecond
    }
}
