import ParleyContracts
import ServiceRuntime

/// A fault the debug panel injects into a service, through the runtime's own fault injection, to watch the
/// app cope: `s` slow, `f` failing, `c` crash, `0` clears.
public enum ServiceFault: String, Sendable, Equatable, CaseIterable {
    case slow, failing, crash, clear

    /// How long each request waits before it is handled while a service is slow.
    public static let slowLatency: Duration = .milliseconds(500)

    /// The panel key for each fault.
    init?(key: Key) {
        switch key {
        case .character("s"): self = .slow
        case .character("f"): self = .failing
        case .character("c"): self = .crash
        case .character("0"): self = .clear
        default: return nil
        }
    }

    /// The service's faults once this one is added to `current` (a slow service can fail as well); nil for a
    /// crash, which is no lasting fault.
    func injection(adding current: FaultInjection) -> FaultInjection? {
        switch self {
        case .slow: FaultInjection(latency: Self.slowLatency, failureRate: current.failureRate)
        case .failing: FaultInjection(latency: current.latency, failureRate: 1)
        case .clear: FaultInjection.none
        case .crash: nil
        }
    }

    /// The notice saying what was done to `service`.
    func notice(for service: ServiceName) -> String {
        switch self {
        case .slow: "\(service): slow, each request delayed \(Self.slowLatency.shortDescription) (0 clears)"
        case .failing: "\(service): failing every request (0 clears)"
        case .crash: "\(service): crashed on purpose; its supervisor restarts it"
        case .clear: "\(service): faults cleared"
        }
    }
}
