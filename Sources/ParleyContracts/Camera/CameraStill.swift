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
