import ParleyTestKit
import ServiceRuntime
import Testing

@testable import ParleyApp

/// Quitting ends whatever the services are doing (issue 9, defect 8): the services are stopped together, and
/// one that does not stop in time is left behind instead of holding the process.
@Suite(.timeLimit(.minutes(1)))
struct QuitTests {
    /// A service whose stop never returns, like a handler stuck in a call that ignores cancellation.
    final class HungService: ServiceControl {
        let name: String
        init(name: String) { self.name = name }
        var status: ServiceStatus { ServiceStatus(name: name, state: .stopping) }
        func statusUpdates() -> AsyncStream<ServiceStatus> { AsyncStream { $0.finish() } }
        var recentTrace: [TraceEntry] { [] }
        func start() async {}
        func stop() async {
            // Never resumed: the stop hangs for as long as the process lives.
            await withCheckedContinuation { (_: CheckedContinuation<Void, Never>) in }
        }
        func restart() async {}
        func inject(_ faults: FaultInjection) {}
        func crash() {}
    }

    @Test func aHungServiceDoesNotHoldTheQuitAndIsNamed() async {
        let quick = ServiceHost<QuickService>(name: "quick") { _ in QuickService() }
        await quick.start()
        let stillStopping = await AppInstance.stop([quick, HungService(name: "hung")], within: .milliseconds(300))
        #expect(stillStopping.contains("hung"))
        // The others were stopped alongside, not after the hung one.
        #expect(await eventually { quick.status.state == .stopped })
    }
}

/// A service that answers at once.
struct QuickService: ServiceHandler {
    struct Request: ServiceRequest {
        var kind: String { "ping" }
    }
    struct Failure: Error {}
    typealias Event = Never

    mutating func handle(_ request: Request, context: ServiceContext<Never, Request>) async throws -> String {
        "pong"
    }
}
