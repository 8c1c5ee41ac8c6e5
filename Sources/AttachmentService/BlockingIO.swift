import Dispatch
import Synchronization

/// Runs blocking file I/O on threads of its own, never on the Swift concurrency pool: that pool has one
/// thread per core, and a 100 MiB copy parked on one would stall every other service in the app.
enum BlockingIO {
    private static let queue = DispatchQueue(label: "parley.attachment.io", qos: .utility, attributes: .concurrent)

    /// Runs `work` off the concurrency pool and returns its result. Cancelling the calling task raises the
    /// flag `work` is given, which it checks between chunks to stop early and clean up.
    static func run<Value: Sendable, Failure: Error>(
        _ work: @escaping @Sendable (CancellationFlag) -> Result<Value, Failure>
    ) async -> Result<Value, Failure> {
        let flag = CancellationFlag()
        return await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                queue.async { continuation.resume(returning: work(flag)) }
            }
        } onCancel: {
            flag.raise()
        }
    }
}

/// Tells blocking work that the task waiting for it was cancelled.
final class CancellationFlag: Sendable {
    private let raised = Atomic(false)

    func raise() { raised.store(true, ordering: .relaxed) }

    var isRaised: Bool { raised.load(ordering: .relaxed) }
}
