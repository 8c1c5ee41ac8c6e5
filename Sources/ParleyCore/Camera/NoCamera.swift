import ParleyContracts
import ServiceRuntime

/// Stands in for the camera where an app has none hosted: every request fails as a stopped service's would.
struct NoCamera: ServiceEndpoint {
    var name: String { ServiceName.camera.rawValue }

    func request(
        _ request: CameraRequest, caller: String, timeout: Duration?
    ) async throws(ServiceCallError<CameraError>) -> CameraReply {
        throw .unavailable(service: name, state: .stopped)
    }

    func events(bufferSize: Int) -> AsyncStream<CameraEvent> { AsyncStream { $0.finish() } }
}
