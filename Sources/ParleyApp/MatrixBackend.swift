import MatrixClient
import ServiceRuntime

/// What stands behind a service that speaks to a homeserver: its own client, and for messaging the sync
/// loop's lag. Gives the debug panel its line and closes the client when the app instance ends.
struct MatrixBackend: Sendable {
    let client: MatrixClient
    var syncLag: (@Sendable () -> Duration?)?
    var isUnreachable: (@Sendable () -> Bool)?

    /// `server 127.0.0.1:8008 · p50 12ms p99 40ms · sync lag 1.2s · 429s 0 · last error: …`
    var detail: String {
        let metrics = client.metrics
        var parts = ["server \(client.homeserver.name)"]
        let p50 = metrics.latencyP50?.shortDescription ?? "-"
        let p99 = metrics.latencyP99?.shortDescription ?? "-"
        parts.append("p50 \(p50) p99 \(p99)")
        if let syncLag { parts.append("sync lag \(syncLag()?.shortDescription ?? "-")") }
        if metrics.rateLimitedCount > 0 {
            let wait = metrics.lastRetryAfter?.shortDescription ?? "-"
            parts.append("rate-limited \(metrics.rateLimitedCount)× (last wait \(wait))")
        }
        if let error = metrics.lastError { parts.append("last server error: \(error)") }
        return parts.joined(separator: " · ")
    }

    /// `status` with this backend's line and reachability.
    func annotate(_ status: ServiceStatus) -> ServiceStatus {
        var status = status
        status.detail = detail
        status.isBackendUnreachable = isUnreachable?() ?? false
        return status
    }

    func shutDown() async { try? await client.shutdown() }
}

/// A service's control with its backend's line added to every status, refreshed once a second while
/// anyone watches, since the homeserver's figures change without the service's own status changing.
struct DetailedServiceControl: ServiceControl {
    let base: any ServiceControl
    let backend: MatrixBackend

    var name: String { base.name }

    var status: ServiceStatus {
        backend.annotate(base.status)
    }

    func statusUpdates() -> AsyncStream<ServiceStatus> {
        let (stream, continuation) = AsyncStream<ServiceStatus>.makeStream(bufferingPolicy: .bufferingNewest(16))
        let updates = base.statusUpdates()
        let backend = backend
        let base = base
        let forward = Task {
            for await status in updates { continuation.yield(backend.annotate(status)) }
            continuation.finish()
        }
        let refresh = Task {
            var last: ServiceStatus?
            while !Task.isCancelled {
                try? await Task.sleep(for: .seconds(1))
                let status = backend.annotate(base.status)
                guard status.detail != last?.detail || status.isBackendUnreachable != last?.isBackendUnreachable
                else { continue }
                last = status
                continuation.yield(status)
            }
        }
        continuation.onTermination = { _ in
            forward.cancel()
            refresh.cancel()
        }
        return stream
    }

    var recentTrace: [TraceEntry] { base.recentTrace }
    func start() async { await base.start() }
    func stop() async { await base.stop() }
    func restart() async { await base.restart() }
    func inject(_ faults: FaultInjection) { base.inject(faults) }
    func crash() { base.crash() }
}
