import ParleyTestKit
import ServiceRuntime
import Testing

@Suite(.timeLimit(.minutes(1)))
struct LifecycleTests {
    @Test func aStoppedServiceRefusesAtOnceNamingItselfAndItsState() async {
        let host = await makeHost()
        await host.stop()
        #expect(host.status.state == .stopped)
        do {
            _ = try await host.request(.echo(1))
            Issue.record("a stopped service answered")
        } catch {
            guard case .unavailable(service: "test", state: .stopped) = error else {
                Issue.record("expected unavailable, got \(error)")
                return
            }
            #expect(error.description == "test unavailable: the service is stopped")
        }
        #expect(host.status.total.rejected == 1)
        await host.close()
    }

    @Test func requestsInFlightFailPromptlyWhenTheServiceStops() async {
        let probe = Probe()
        // A deadline of a minute: if the callers were left to their deadline, the time limit would fail the test.
        let host = await makeHost(probe: probe, timeout: .seconds(60))
        func call(_ request: TestService.Request) -> Task<ServiceCallError<TestService.Refusal>?, Never> {
            Task {
                do throws(ServiceCallError<TestService.Refusal>) {
                    _ = try await host.request(request)
                    return nil
                } catch {
                    return error
                }
            }
        }
        // The gated request goes first and is being handled before the others queue behind it: tasks start
        // in no set order, and an echo admitted ahead of it would be answered rather than left in flight.
        var callers = [call(.waitForGate(0))]
        #expect(await eventually { probe.gate.waiting == 1 })
        callers += (1..<5).map { call(.echo($0)) }
        #expect(await eventually { host.status.inFlight == 5 })
        async let stopped: Void = host.stop()
        for caller in callers {
            let error = await caller.value
            guard case .unavailable(service: "test", state: .stopping) = error else {
                Issue.record("expected unavailable while stopping, got \(String(describing: error))")
                continue
            }
        }
        probe.gate.open()
        await stopped
        #expect(host.status.state == .stopped)
        #expect(probe.shutdownCount == 1)
        await host.close()
    }

    @Test func startStopAndRestartByHand() async throws {
        let probe = Probe()
        let host = await makeHost(probe: probe)
        await host.stop()
        await host.start()
        #expect(host.status.state == .running)
        #expect(try await host.request(.echo(3)) == 3)
        await host.restart()
        #expect(host.status.state == .running)
        #expect(probe.startCount == 3)
        #expect(probe.shutdownCount == 2)
        #expect(host.status.restarts == 0)  // restarts counts the supervisor's, not the operator's
        await host.close()
    }

    @Test func concurrentControlFromManyCallersSettles() async {
        let host = await makeHost()
        await withTaskGroup(of: Void.self) { group in
            for index in 0..<20 {
                group.addTask {
                    switch index % 3 {
                    case 0: await host.stop()
                    case 1: await host.start()
                    default: await host.restart()
                    }
                }
            }
        }
        await host.start()
        #expect(host.status.state == .running)
        await host.close()
    }

    @Test func aHandlerThatIgnoresCancellationDoesNotHoldUpAStop() async throws {
        let probe = Probe()
        let host = ServiceHost<TestService>(
            name: "test", configuration: ServiceConfiguration(stopGracePeriod: .milliseconds(50))
        ) { _ in TestService(probe: probe) }
        await host.start()
        let stuck = Task { try? await host.request(.waitForGate(1)) }
        #expect(await eventually { probe.gate.waiting == 1 })
        let queued = Task { try? await host.request(.echo(3)) }  // waits behind the stuck one
        #expect(await eventually { host.status.mailboxDepth == 1 })
        await host.stop()
        #expect(await queued.value == nil)
        #expect(host.status.state == .stopped)
        #expect(host.status.lastError?.contains("did not stop") == true)
        #expect(host.status.mailboxDepth == 0)  // what the stuck incarnation left is gone with it
        await host.start()
        #expect(try await host.request(.echo(2)) == 2)
        probe.gate.open()
        _ = await stuck.value
        #expect(host.status.state == .running)  // the abandoned handler's late end changes nothing
        await host.close()
    }
}
