import Synchronization

/// Resumes a continuation with the first of several racing results and ignores the rest.
final class FirstOf: Sendable {
    private let resumed = Mutex(false)

    func resume<T>(_ continuation: CheckedContinuation<T, Never>, with value: sending T) {
        let first = resumed.withLock { resumed in
            defer { resumed = true }
            return !resumed
        }
        if first { continuation.resume(returning: value) }
    }
}
