import ParleyContracts
import ParleyCore
import ParleyTestKit
import ServiceRuntime
import Synchronization
import Testing

/// The debug panel through the loop, on a real host: its figures move while it is open, and its keys reach
/// the runtime's fault injection.
@Suite(.timeLimit(.minutes(1)))
struct DebugPanelLoopTests {
    /// The last state the loop rendered.
    final class Rendered: Sendable {
        let state = Mutex<AppState?>(nil)
        func read<T>(_ body: (AppState?) -> T) -> T { state.withLock { body($0) } }
    }

    static func started() async -> (ServiceHost<HelloService>, AppLoop, Rendered, Task<Void, Never>) {
        let host = ServiceHost<HelloService>(name: "hello") { _ in HelloService() }
        await host.start()
        let rendered = Rendered()
        let loop = AppLoop(width: 80, height: 24, services: [host]) { state in rendered.state.withLock { $0 = state } }
        let running = Task { await loop.run() }
        return (host, loop, rendered, running)
    }

    @Test func uptimeKeepsMovingWhileThePanelIsOpen() async throws {
        let (host, loop, rendered, running) = await Self.started()
        // Nothing happens to the service, so its status stream stays quiet; the panel's figures move anyway.
        #expect(await eventually { (rendered.read { $0?.services.first?.uptime } ?? .zero) >= .seconds(2) })
        loop.send(.input(.key(.character("q"))))
        await running.value
        await host.close()
    }

    @Test func panelKeysMakeTheSelectedServiceSlowFailingOrCrashAndZeroClears() async throws {
        let (host, loop, rendered, running) = await Self.started()
        loop.send(.input(.key(.character("s"))))
        #expect(await eventually { host.status.faults.latency == ServiceFault.slowLatency })
        // The panel shows the fault, and the next key adds to what it shows.
        #expect(await eventually { rendered.read { $0?.services.first?.faults.latency } == ServiceFault.slowLatency })
        loop.send(.input(.key(.character("f"))))
        #expect(
            await eventually { host.status.faults == FaultInjection(latency: ServiceFault.slowLatency, failureRate: 1) }
        )
        await #expect(throws: ServiceCallError<HelloService.Failure>.self) { try await host.request(.init()) }
        #expect(await eventually { rendered.read { $0?.services.first?.faults.failureRate } == 1 })
        loop.send(.input(.key(.character("0"))))
        #expect(await eventually { host.status.faults == .none })
        #expect(try await host.request(.init()) == "hello")
        loop.send(.input(.key(.character("c"))))
        #expect(await eventually { host.status.restarts == 1 && host.status.state == .running })
        #expect(rendered.read { $0?.notice } == "hello: crashed on purpose; its supervisor restarts it")
        loop.send(.input(.key(.character("q"))))
        await running.value
        await host.close()
    }
}
