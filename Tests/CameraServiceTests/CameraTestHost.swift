import CameraService
import Foundation
import ParleyContracts
import ParleyTestKit
import ServiceRuntime

/// A started camera service on `device`, with its own temporary data directory.
struct CameraTestHost {
    /// FFmpeg's virtual camera: a test pattern, as a real camera delivers it, through the same code.
    static let testPattern = "lavfi:testsrc2=size=640x480:rate=30"

    let host: ServiceHost<CameraHandler>
    let counters = CameraCounters()
    let directory = TemporaryDirectory("camera")

    /// The first frame may take its time on a busy machine: the limit is for a camera that never sends one.
    init(device: String = testPattern, limits: CameraLimits = CameraLimits(firstFrameTimeout: .seconds(30))) async {
        host = CameraService.makeHost(
            device: device, dataDirectory: directory.dataDirectory,
            configuration: ServiceConfiguration(defaultTimeout: .seconds(30)), limits: limits, counters: counters)
        await host.start()
    }

    /// For `defer`, which cannot wait: the files go now, the host closes in the background.
    func finish() {
        directory.remove()
        Task { [host] in await host.close() }
    }

    func open(width: Int = 40, height: Int = 12) async throws(ServiceCallError<CameraError>) -> CameraInfo {
        let reply = try await host.request(.open(width: width, height: height, palette: .truecolor))
        guard case let .opened(info) = reply else { preconditionFailure("expected opened, got \(reply)") }
        return info
    }

    /// The service's own refusal of `request`, or nil when it answered (or failed for another reason).
    func refusal(_ request: CameraRequest) async -> CameraError? {
        do {
            _ = try await host.request(request)
            return nil
        } catch {
            return error.failure
        }
    }
}
