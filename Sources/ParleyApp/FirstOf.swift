import Synchronization

/// The result of whichever of two operations finishes first; the other is left to run out on its own (it is
/// not awaited, so a hung operation cannot hold the caller).
func firstOf<T: Sendable>(
    _ first: @escaping @Sendable () async -> T, or second: @escaping @Sendable () async -> T
) async -> T {
    let race = Race<T>()
    return await withCheckedContinuation { continuation in
        race.run(first, resuming: continuation)
        race.run(second, resuming: continuation)
    }
}

/// Resumes a continuation with the first result and ignores the later one.
private final class Race<T: Sendable>: Sendable {
    private let isOver = Mutex(false)

    func run(_ operation: @escaping @Sendable () async -> T, resuming continuation: CheckedContinuation<T, Never>) {
        Task {
            let value = await operation()
            let isFirst = isOver.withLock { isOver in
                defer { isOver = true }
                return !isOver
            }
            if isFirst { continuation.resume(returning: value) }
        }
    }
}
