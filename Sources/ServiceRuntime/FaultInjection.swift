/// Faults a host can be told to inject, for tests and for the debug panel.
public struct FaultInjection: Sendable, Equatable {
    /// Added before every request is handled.
    public var latency: Duration
    /// Fraction (0...1) of requests failed with `injectedFault` instead of being handled.
    public var failureRate: Double

    public init(latency: Duration = .zero, failureRate: Double = 0) {
        self.latency = latency
        self.failureRate = failureRate
    }

    public static let none = FaultInjection()

    var isActive: Bool { latency > .zero || failureRate > 0 }

    /// Applies the faults to one request: waits out the added latency, then draws whether it fails.
    ///
    /// Kept out of the generic request loop: its sleep and random draw stop cross-module optimisation from
    /// specialising the loop for the caller's handler.
    func delayThenDrawFailure() async -> Bool {
        if latency > .zero { try? await Task.sleep(for: latency) }
        return failureRate > 0 && Double.random(in: 0..<1) < failureRate
    }
}
