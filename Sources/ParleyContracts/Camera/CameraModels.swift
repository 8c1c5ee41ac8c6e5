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

/// A still taken from the viewfinder, written as a JPEG file ready to attach.
public struct CameraStill: Sendable, Hashable {
    public var path: String
    public var width: Int
    public var height: Int
    /// The JPEG's size in bytes.
    public var size: Int

    public init(path: String, width: Int, height: Int, size: Int) {
        self.path = path
        self.width = width
        self.height = height
        self.size = size
    }
}

/// A capture device found under `/dev`.
public struct CameraDevice: Sendable, Hashable {
    /// e.g. `/dev/video0`.
    public var path: String
    /// What the driver calls it, e.g. `Integrated Camera`.
    public var name: String

    public init(path: String, name: String) {
        self.path = path
        self.name = name
    }
}
