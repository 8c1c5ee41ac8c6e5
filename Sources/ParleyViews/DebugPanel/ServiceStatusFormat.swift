import ServiceRuntime

/// Short, fixed-width forms of status figures for the debug panel's table.
enum ServiceStatusFormat {
    static func latency(_ duration: Duration?) -> String {
        duration.map(\.shortDescription) ?? "-"
    }

    /// `42s`, `12m`, `3h`, `2d`: enough to tell a fresh restart from a long run.
    static func uptime(_ duration: Duration?) -> String {
        guard let seconds = duration?.components.seconds else { return "-" }
        switch seconds {
        case ..<60: return "\(seconds)s"
        case ..<3_600: return "\(seconds / 60)m"
        case ..<86_400: return "\(seconds / 3_600)h"
        default: return "\(seconds / 86_400)d"
        }
    }

    static func counts(_ counts: OutcomeCounts) -> String {
        "\(counts.ok)/\(counts.error)/\(counts.timeout)/\(counts.rejected)"
    }

    static func mailbox(_ status: ServiceStatus) -> String {
        "\(status.mailboxDepth)/\(status.mailboxCapacity) hw \(status.mailboxHighWater)"
    }

    static func faults(_ faults: FaultInjection) -> String {
        var parts: [String] = []
        if faults.latency > .zero { parts.append("+\(faults.latency.shortDescription)") }
        if faults.failureRate > 0 { parts.append("fail \(Int((faults.failureRate * 100).rounded()))%") }
        return parts.joined(separator: " ")
    }

    /// `0`, or how many 429s and the wait the last one asked for: `3 (1.5s)`.
    static func rateLimits(_ server: HomeserverFigures) -> String {
        guard server.rateLimitedCount > 0 else { return "0" }
        return "\(server.rateLimitedCount) (\(latency(server.lastRetryAfter)))"
    }
}
