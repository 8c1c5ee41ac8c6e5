import Dispatch
import ParleyContracts

/// Runs blocking work (C decoders, file reads) on a Dispatch worker and waits for it without blocking:
/// Swift's cooperative pool has one thread per core, and a 100 ms decode would starve every other service.
func offload<Value: Sendable>(
    _ work: @escaping @Sendable () throws(MediaError) -> Value
) async throws(MediaError) -> Value {
    let result: Result<Value, MediaError> = await withCheckedContinuation { continuation in
        DispatchQueue.global(qos: .userInitiated).async {
            continuation.resume(returning: Result(catching: work))
        }
    }
    return try result.get()
}
