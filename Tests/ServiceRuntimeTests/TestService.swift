import ServiceRuntime
import Synchronization

/// A service made for testing the host: it echoes, fails, crashes or waits on a gate as it is told.
struct TestService: ServiceHandler {
    enum Request: ServiceRequest {
        case echo(Int)
        case refuse(String)
        case breakDown
        /// Waits until the test opens the gate.
        case waitForGate(Int)
        case publish(Int)
        case spawnFailingTask
        /// Waits until the test opens the gate, off the request loop (`detachedWork`).
        case waitForGateDetached(Int)

        var kind: String {
            switch self {
            case .echo: "echo"
            case .refuse: "refuse"
            case .breakDown: "breakDown"
            case .waitForGate: "waitForGate"
            case .publish: "publish"
            case .spawnFailingTask: "spawnFailingTask"
            case .waitForGateDetached: "waitForGateDetached"
            }
        }
    }

    struct Refusal: Error, Equatable, Sendable {
        let reason: String
    }

    struct Breakdown: Error {}

    typealias Failure = Refusal
    typealias Event = Int

    let probe: Probe

    mutating func handle(_ request: Request, context: ServiceContext<Int, Request>) async throws -> Int {
        probe.handled()
        switch request {
        case let .echo(value):
            return value
        case let .refuse(reason):
            throw Refusal(reason: reason)
        case .breakDown:
            throw Breakdown()
        case let .waitForGate(value):
            await probe.gate.wait()
            return value
        case let .publish(value):
            context.publish(value)
            return value
        case .spawnFailingTask:
            context.spawn { throw Breakdown() }
            return 0
        case .waitForGateDetached:
            preconditionFailure("answered by detachedWork")
        }
    }

    func detachedWork(
        for request: Request, context: ServiceContext<Int, Request>
    ) -> (@Sendable () async throws -> Int)? {
        guard case let .waitForGateDetached(value) = request else { return nil }
        return { [probe] in
            probe.handled()
            await probe.gate.wait()
            guard value >= 0 else { throw Refusal(reason: "negative") }
            return value
        }
    }

    mutating func shutdown() async { probe.shutDown() }
}

/// What the test service reports back to the test, and the gate it can be made to wait on.
final class Probe: Sendable {
    private struct Counts {
        var handled = 0
        var starts = 0
        var shutdowns = 0
    }

    private let counts = Mutex(Counts())
    let gate = Gate()

    func handled() { counts.withLock { $0.handled += 1 } }
    func started() { counts.withLock { $0.starts += 1 } }
    func shutDown() { counts.withLock { $0.shutdowns += 1 } }

    var handledCount: Int { counts.withLock { $0.handled } }
    var startCount: Int { counts.withLock { $0.starts } }
    var shutdownCount: Int { counts.withLock { $0.shutdowns } }
}

/// A gate that waiters pass once it is opened.
final class Gate: Sendable {
    private let state = Mutex<(open: Bool, waiters: [CheckedContinuation<Void, Never>])>((false, []))

    func wait() async {
        await withCheckedContinuation { continuation in
            let passNow = state.withLock { state in
                if state.open { return true }
                state.waiters.append(continuation)
                return false
            }
            if passNow { continuation.resume() }
        }
    }

    func open() {
        for waiter in state.withLock({ state in
            state.open = true
            defer { state.waiters.removeAll() }
            return state.waiters
        }) {
            waiter.resume()
        }
    }

    var waiting: Int { state.withLock { $0.waiters.count } }
}

/// A started host for the test service, with settings small enough to keep tests quick.
func makeHost(
    probe: Probe = Probe(), capacity: Int = 64, timeout: Duration = .seconds(30),
    restarts: RestartPolicy = RestartPolicy(initialBackoff: .milliseconds(10), maxBackoff: .milliseconds(100)),
    failStart: (@Sendable () -> Bool)? = nil
) async -> ServiceHost<TestService> {
    let host = ServiceHost<TestService>(
        name: "test",
        configuration: ServiceConfiguration(
            mailboxCapacity: capacity, defaultTimeout: timeout, restartPolicy: restarts,
            statusInterval: .milliseconds(250))
    ) { _ in
        probe.started()
        if let failStart, failStart() { throw TestService.Breakdown() }
        return TestService(probe: probe)
    }
    await host.start()
    return host
}
