import ParleyContracts
import ParleyCore
import ParleyTestKit
import ServiceRuntime
import Synchronization
import Testing

/// A service that only says hello; enough to be started and stopped from the panel.
struct HelloService: ServiceHandler {
    struct Request: ServiceRequest {
        var kind: String { "hello" }
    }
    struct Failure: Error {}
    typealias Event = Never

    mutating func handle(_ request: Request, context: ServiceContext<Never, Request>) async throws -> String {
        "hello"
    }
}

@Suite(.timeLimit(.minutes(1)))
struct AppLoopTests {
    @Test func keysInThePanelStopAndStartTheRealService() async throws {
        let host = ServiceHost<HelloService>(name: "hello") { _ in HelloService() }
        await host.start()
        let rendered = Mutex<AppState?>(nil)
        let loop = AppLoop(width: 80, height: 24, services: [host]) { state in rendered.withLock { $0 = state } }
        let running = Task { await loop.run() }

        loop.send(.input(.key(.character(" "))))
        #expect(await eventually { host.status.state == .stopped })
        #expect(await eventually { rendered.withLock { $0?.services.first?.state } == .stopped })
        await #expect(throws: ServiceCallError<HelloService.Failure>.self) { try await host.request(.init()) }

        loop.send(.input(.key(.character(" "))))
        #expect(await eventually { host.status.state == .running })
        #expect(try await host.request(.init()) == "hello")
        #expect(await eventually { rendered.withLock { $0?.notice } == "hello: start done, now running" })

        loop.send(.input(.key(.character("q"))))
        await running.value
        await host.close()
    }
}
