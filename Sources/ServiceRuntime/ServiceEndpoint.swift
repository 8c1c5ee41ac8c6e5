/// The caller's side of a service: what the app core and other services hold. Implemented by `ServiceHost`;
/// tests may implement it with fakes.
public protocol ServiceEndpoint<Request, Reply, Event, Failure>: Sendable {
    associatedtype Request: ServiceRequest
    associatedtype Reply: Sendable
    associatedtype Event: Sendable
    associatedtype Failure: Error & Sendable

    var name: String { get }

    /// Sends `request` and waits for the reply, at most `timeout` (or the service's default deadline).
    func request(
        _ request: Request, caller: String, timeout: Duration?
    ) async throws(ServiceCallError<Failure>) -> Reply

    /// Events the service publishes from now on.
    func events(bufferSize: Int) -> AsyncStream<Event>
}

extension ServiceEndpoint {
    public func request(_ request: Request, caller: String = "app") async throws(ServiceCallError<Failure>) -> Reply {
        try await self.request(request, caller: caller, timeout: nil)
    }

    public func events() -> AsyncStream<Event> { events(bufferSize: 256) }
}

/// The operator's side of a service, as the debug panel and `/service` use it, whatever the service is.
public protocol ServiceControl: Sendable {
    var name: String { get }
    var status: ServiceStatus { get }
    /// Snapshots, published at most once per status interval and only when something changed.
    func statusUpdates() -> AsyncStream<ServiceStatus>
    /// The most recent messages, oldest first.
    var recentTrace: [TraceEntry] { get }
    func start() async
    func stop() async
    func restart() async
    func inject(_ faults: FaultInjection)
    /// Crashes the service as if its handler had failed, to exercise supervision.
    func crash()
}
