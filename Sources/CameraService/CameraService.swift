import ParleyContracts
import ParleyStorage
import ServiceRuntime

/// The camera service's entry point for the wiring: a live viewfinder from one capture device, stills as JPEG
/// files, and the list of devices, behind a service host.
public enum CameraService {
    /// The device used when the settings name none.
    public static let defaultDevice = "/dev/video0"

    /// A stopped host named `camera`; call `start()` to run it.
    /// - Parameters:
    ///   - device: a V4L2 node such as `/dev/video0`, or `lavfi:GRAPH` for FFmpeg's virtual input.
    ///   - dataDirectory: stills are written to its `camera` folder, from where they are attached.
    ///   - counters: lets the wiring (or a test) see whether a device is held open.
    public static func makeHost(
        device: String = defaultDevice, dataDirectory: DataDirectory, configuration: ServiceConfiguration = .init(),
        limits: CameraLimits = .init(), counters: CameraCounters = CameraCounters()
    ) -> ServiceHost<CameraHandler> {
        ServiceHost(name: ServiceName.camera.rawValue, configuration: configuration) { _ in
            CameraHandler(
                device: CaptureDevice(device), limits: limits, counters: counters,
                stills: StillWriter(dataDirectory: dataDirectory, quality: limits.jpegQuality))
        }
    }
}
