import MatrixClient
import ServiceRuntime

/// What stands behind a service that speaks to a homeserver: its own client, and for messaging the sync
/// loop's lag. Gives the debug panel its figures and closes the client when the app instance ends.
struct MatrixBackend: Sendable {
    let client: MatrixClient
    var syncLag: (@Sendable () -> Duration?)?
    var isUnreachable: (@Sendable () -> Bool)?

    /// The figures the debug panel shows for the service: its client's latency, rate limits and last error,
    /// and for messaging the sync lag.
    var figures: HomeserverFigures {
        let metrics = client.metrics
        return HomeserverFigures(
            name: client.homeserver.name, latencyP50: metrics.latencyP50, latencyP99: metrics.latencyP99,
            syncLag: syncLag?(), syncs: syncLag != nil, rateLimitedCount: metrics.rateLimitedCount,
            lastRetryAfter: metrics.lastRetryAfter, lastError: metrics.lastError)
    }

    /// `status` with this backend's figures and reachability.
    func annotate(_ status: ServiceStatus) -> ServiceStatus {
        var status = status
        status.backend = .homeserver(figures)
        status.isBackendUnreachable = isUnreachable?() ?? false
        return status
    }

    func shutDown() async { try? await client.shutdown() }
}

/// A service's control with its backend's figures added to every status, refreshed once a second while
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
                guard status.backend != last?.backend || status.isBackendUnreachable != last?.isBackendUnreachable
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
