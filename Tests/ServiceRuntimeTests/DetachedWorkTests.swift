import ParleyTestKit
import ServiceRuntime
import Testing

/// Slow requests a handler answers off its request loop: the requests behind them are answered meanwhile.
@Suite(.timeLimit(.minutes(1)))
struct DetachedWorkTests {
    @Test func requestsBehindDetachedWorkAreAnsweredMeanwhile() async throws {
        let probe = Probe()
        let host = await makeHost(probe: probe)
        let slow = Task { try await host.request(.waitForGateDetached(7)) }
        let refused = Task { try await host.request(.waitForGateDetached(-1)) }
        #expect(await eventually { probe.gate.waiting == 2 })
        // Both slow requests wait on the gate, and the loop still answers the next one.
        #expect(try await host.request(.echo(1)) == 1)
        probe.gate.open()
        #expect(try await slow.value == 7)
        await #expect(throws: ServiceCallError<TestService.Refusal>.self) { try await refused.value }
        #expect(host.status.state == .running)
        #expect(await eventually { host.status.total.ok == 2 && host.status.total.error == 1 })
        await host.close()
    }

    @Test func aStopTellsTheCallerOfDetachedWorkAtOnce() async throws {
        let probe = Probe()
        let host = await makeHost(probe: probe)
        let slow = Task { try await host.request(.waitForGateDetached(7)) }
        #expect(await eventually { probe.gate.waiting == 1 })
        await host.stop()
        await #expect(throws: ServiceCallError<TestService.Refusal>.self) { try await slow.value }
        probe.gate.open()
        await host.close()
    }
}
