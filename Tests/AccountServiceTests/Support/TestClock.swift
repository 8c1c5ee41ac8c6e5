import Foundation
import Synchronization

/// A wall clock that only moves when the test moves it, for expiry, throttling and presence timeouts.
final class TestClock: Sendable {
    private let current: Mutex<Date>

    init(_ start: Date = Date(timeIntervalSince1970: 1_750_000_000)) { current = Mutex(start) }

    var now: Date { current.withLock { $0 } }

    func advance(by seconds: TimeInterval) { current.withLock { $0 += seconds } }

    /// The clock as the service takes it.
    var reading: @Sendable () -> Date { { self.now } }
}
