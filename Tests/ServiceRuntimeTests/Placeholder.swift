import ServiceRuntime
import Testing

struct Echo: ServiceHandler {
    enum Request: ServiceRequest {
        case echo(Int), boom
        var kind: String { "echo" }
    }
    struct Failure: Error {}
    typealias Event = Int
    mutating func handle(_ request: Request, context: ServiceContext<Int, Request>) async throws -> Int {
        switch request {
        case .echo(let n): return n;
        case .boom: throw Failure()
        }
    }
}

@Test func smoke() async throws {
    let host = ServiceHost<Echo>(name: "echo") { _ in Echo() }
    await host.start()
    #expect(host.status.state == .running)
    let r = try await host.request(.echo(5))
    #expect(r == 5)
    let clock = ContinuousClock()
    let t = clock.measure {}
    _ = t
    let start = clock.now
    for i in 0..<100_000 { _ = try await host.request(.echo(i)) }
    print("per call", (clock.now - start) / 100_000)
    await host.stop()
    #expect(host.status.state == .stopped)
    await #expect(throws: ServiceCallError<Echo.Failure>.self) { try await host.request(.echo(1)) }
    await host.close()
}
