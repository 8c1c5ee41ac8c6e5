import Dispatch
import ParleyContracts

/// Runs blocking work (opening a device, encoding a still) on a Dispatch worker and waits for it without
/// blocking: Swift's cooperative pool has one thread per core, and a device can take a second to open.
func offload<Value: Sendable>(
    _ work: @escaping @Sendable () throws(CameraError) -> Value
) async throws(CameraError) -> Value {
    let result: Result<Value, CameraError> = await withCheckedContinuation { continuation in
        DispatchQueue.global(qos: .userInitiated).async {
            continuation.resume(returning: Result(catching: work))
        }
    }
    return try result.get()
}
