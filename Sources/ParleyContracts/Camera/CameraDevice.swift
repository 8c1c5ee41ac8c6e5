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
