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
}
