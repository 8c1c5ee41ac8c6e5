import Synchronization

/// What the camera service has open, for the wiring and tests to watch: a device is released exactly when
/// its capture stops counting here.
public final class CameraCounters: Sendable {
    private let open = Atomic<Int>(0)
    private let stills = Atomic<Int>(0)

    public init() {}

    /// Captures holding a device (or a lavfi graph) right now.
    public var openCaptures: Int { open.load(ordering: .sequentiallyConsistent) }
    /// Stills written since the counters were made.
    public var stillsTaken: Int { stills.load(ordering: .sequentiallyConsistent) }

    func captureOpened() { open.add(1, ordering: .sequentiallyConsistent) }
    func captureClosed() { open.subtract(1, ordering: .sequentiallyConsistent) }
    func stillTaken() { stills.add(1, ordering: .sequentiallyConsistent) }
}
