/// A request a service understands. `kind` names it in traces and metrics without formatting the whole value.
public protocol ServiceRequest: Sendable {
    var kind: String { get }
}

/// The logic of one service: it handles one request at a time, in mailbox order (except the slow ones it
/// gives `detachedWork` for).
///
/// A handler is made fresh by its host's factory on every start and restart, so a crash never leaves
/// half-updated state behind. Errors of type `Failure` are replies to the caller; any other error escaping
/// `handle` means the handler is broken, so the host crashes it and lets its supervisor restart it.
public protocol ServiceHandler: SendableMetatype {
    associatedtype Request: ServiceRequest
    associatedtype Reply: Sendable
    associatedtype Event: Sendable
    associatedtype Failure: Error & Sendable

    mutating func handle(_ request: Request, context: ServiceContext<Event, Request>) async throws -> Reply

    /// The work that answers `request` off the request loop, so that the requests behind it are answered
    /// meanwhile: slow work that changes none of the handler's own state, such as deriving a password hash.
    /// Nil, the default, answers the request in order, with `handle`. The work ends with the incarnation; a
    /// `Failure` it throws is the reply, any other error crashes the service.
    func detachedWork(
        for request: Request, context: ServiceContext<Event, Request>
    ) -> (@Sendable () async throws -> Reply)?

    /// Called once when the service is stopped on purpose (not after a crash), to flush and close.
    mutating func shutdown() async
}

extension ServiceHandler {
    public mutating func shutdown() async {}

    public func detachedWork(
        for request: Request, context: ServiceContext<Event, Request>
    ) -> (@Sendable () async throws -> Reply)? { nil }
}

/// What a handler may do besides replying: publish events and run background work.
public struct ServiceContext<Event: Sendable, Request: ServiceRequest>: Sendable {
    /// The service's name, as shown in the debug panel.
    public let name: String
    let publishEvent: @Sendable (Event) -> Void
    let spawnTask: @Sendable (@escaping @Sendable () async throws -> Void) -> Void

    public init(
        name: String,
        publish: @escaping @Sendable (Event) -> Void,
        spawn: @escaping @Sendable (@escaping @Sendable () async throws -> Void) -> Void
    ) {
        self.name = name
        self.publishEvent = publish
        self.spawnTask = spawn
    }

    /// Delivers `event` to every subscriber without waiting for any of them.
    public func publish(_ event: Event) { publishEvent(event) }

    /// Runs `work` until this incarnation of the service ends; if it throws, the service crashes.
    public func spawn(_ work: @escaping @Sendable () async throws -> Void) { spawnTask(work) }
}
