/// Why a request to a service did not get the service's reply.
///
/// `Failure` is the service's own error type: what the service itself refused and why.
public enum ServiceCallError<Failure: Error & Sendable>: Error, Sendable, CustomStringConvertible {
    /// The service is not running; the request was not looked at.
    case unavailable(service: String, state: ServiceState)
    /// The service's mailbox is full; try again shortly.
    case overloaded(service: String, capacity: Int)
    /// No reply came before the request's deadline; a reply that comes later is dropped.
    case timedOut(service: String, after: Duration)
    /// Fault injection made this request fail on purpose.
    case injectedFault(service: String)
    /// The service looked at the request and refused it.
    case failed(Failure)

    public var description: String {
        switch self {
        case let .unavailable(service, state): "\(service) unavailable: the service is \(state)"
        case let .overloaded(service, capacity): "\(service) is overloaded: its \(capacity)-message mailbox is full"
        case let .timedOut(service, after): "\(service) did not answer within \(after.shortDescription)"
        case let .injectedFault(service): "\(service) failed this request on purpose (fault injection)"
        case let .failed(failure): String(describing: failure)
        }
    }

    /// The service's own error, when it is the service that refused.
    public var failure: Failure? {
        if case let .failed(failure) = self { failure } else { nil }
    }
}

extension Duration {
    /// A short human form: `850ns`, `12µs`, `40ms`, `2.5s`.
    public var shortDescription: String {
        let nanos = Double(components.seconds) * 1e9 + Double(components.attoseconds) / 1e9
        switch nanos {
        case ..<1_000: return "\(Int(nanos))ns"
        case ..<1_000_000: return "\(Int(nanos / 1_000))µs"
        case ..<1_000_000_000: return "\(Int(nanos / 1_000_000))ms"
        default:
            let seconds = nanos / 1e9
            return seconds == seconds.rounded() ? "\(Int(seconds))s" : "\((seconds * 10).rounded() / 10)s"
        }
    }

    /// Whole nanoseconds, saturating; for metrics.
    var nanoseconds: Int64 {
        let (seconds, attoseconds) = components
        return seconds.multipliedReportingOverflow(by: 1_000_000_000).overflow
            ? Int64.max : seconds * 1_000_000_000 + attoseconds / 1_000_000_000
    }
}
