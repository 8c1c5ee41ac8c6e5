import Dispatch

/// Runs blocking work (C decoders, file reads, opening a device) on a Dispatch worker and waits for it without
/// blocking: Swift's cooperative pool has one thread per core, and a 100 ms decode parked on one would starve
/// every other service of the app.
public func offload<Value: Sendable, Failure: Error>(
    _ work: @escaping @Sendable () throws(Failure) -> Value
) async throws(Failure) -> Value {
    let result: Result<Value, Failure> = await withCheckedContinuation { continuation in
        DispatchQueue.global(qos: .userInitiated).async {
            continuation.resume(returning: Result(catching: work))
        }
    }
    return try result.get()
}
