/// Where a hosted service is in its life. The debug panel shows it; requests are only admitted while `running`.
public enum ServiceState: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    case starting, running, stopping, stopped, crashed, restarting, failed

    public var description: String { rawValue }

    /// Whether the service is on its way up or up, as opposed to down or going down.
    public var isUp: Bool {
        switch self {
        case .starting, .running, .restarting: true
        case .stopping, .stopped, .crashed, .failed: false
        }
    }
}
