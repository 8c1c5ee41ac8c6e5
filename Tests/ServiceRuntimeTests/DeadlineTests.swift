import ParleyTestKit
import ServiceRuntime
import Testing

@Suite(.timeLimit(.minutes(1)))
struct DeadlineTests {
    @Test func aSlowReplyTimesOutAndItsLateReplyIsDropped() async throws {
        let probe = Probe()
        let host = await makeHost(probe: probe)
        do {
            _ = try await host.request(.waitForGate(1), timeout: .milliseconds(50))
            Issue.record("the request should have timed out")
        } catch {
            guard case .timedOut(service: "test", after: .milliseconds(50)) = error else {
                Issue.record("expected timedOut, got \(error)")
                return
            }
        }
        // Let the handler finish: its reply has nobody to go to and must not be counted as delivered.
        probe.gate.open()
        #expect(try await host.request(.echo(7)) == 7)
        // The host replies first and counts just after: status is eventually consistent.
        #expect(await eventually { host.status.total == OutcomeCounts(ok: 1, timeout: 1) })
        await host.close()
    }

    @Test func aLateReplyNeverReachesTheNextRequestThatReusesTheCall() async throws {
        // Given a request that timed out while its handler waits at the gate: its call goes back for reuse
        let probe = Probe()
        let host = await makeHost(probe: probe)
        _ = try? await host.request(.waitForGate(1), timeout: .milliseconds(50))
        // When the next request (reusing that call) is queued behind it and the gate opens, so that the
        // timed-out request's reply comes in while the next one waits
        async let next = host.request(.echo(2))
        #expect(await eventually { host.status.mailboxDepth == 1 })
        probe.gate.open()
        // Then the next caller gets its own reply, and the late one is dropped uncounted
        #expect(try await next == 2)
        #expect(await eventually { host.status.total == OutcomeCounts(ok: 1, timeout: 1) })
        await host.close()
    }

    @Test func aCallerCannotAskForMoreThanTheServiceDefault() async throws {
        let probe = Probe()
        let host = await makeHost(probe: probe, timeout: .milliseconds(50))
        do {
            _ = try await host.request(.waitForGate(1), timeout: .seconds(60))
            Issue.record("the request should have timed out")
        } catch {
            guard case .timedOut(_, after: .milliseconds(50)) = error else {
                Issue.record("expected the service's 50 ms default deadline, got \(error)")
                return
            }
        }
        probe.gate.open()
        await host.close()
    }

    @Test func requestsQueuedBehindASlowOneTimeOutToo() async {
        let probe = Probe()
        let host = await makeHost(probe: probe)
        async let slow = try? host.request(.waitForGate(1), timeout: .milliseconds(100))
        #expect(await eventually { probe.gate.waiting == 1 })
        let results = await withTaskGroup(of: Bool.self) { group in
            for value in 0..<10 {
                group.addTask {
                    do throws(ServiceCallError<TestService.Refusal>) {
                        _ = try await host.request(.echo(value), timeout: .milliseconds(100))
                        return false
                    } catch {
                        if case .timedOut = error { return true }
                        return false
                    }
                }
            }
            return await group.reduce(into: [Bool]()) { $0.append($1) }
        }
        #expect(results == Array(repeating: true, count: 10))
        _ = await slow
        probe.gate.open()
        #expect(await eventually { host.status.total.timeout == 11 })
        // The queued requests were never handled: their callers had already gone.
        #expect(await eventually { host.status.mailboxDepth == 0 })
        #expect(probe.handledCount == 1)
        await host.close()
    }
}

@Suite(.timeLimit(.minutes(1)))
struct SweeperDeadlineTests {
    @Test func aCallerWithAnEarlierDeadlineTimesOutWhileTheSweeperWaitsForALaterOne() async throws {
        // Given a caller parked with a deadline ten minutes away, its request held at the gate: the sweeper
        // waits for that deadline, with nothing polling meanwhile
        let probe = Probe()
        let host = await makeHost(probe: probe, timeout: .seconds(600))
        async let far = try? host.request(.waitForGate(1), timeout: .seconds(600))
        #expect(await eventually { probe.gate.waiting == 1 && host.status.inFlight == 1 })
        // When a second caller, queued behind it, asks with a deadline of 100 ms
        do {
            _ = try await host.request(.echo(1), timeout: .milliseconds(100))
            Issue.record("the request should have timed out")
        } catch {
            // Then it fails at its own deadline (the suite's time limit is far shorter than the first one's)
            guard case .timedOut(service: "test", after: .milliseconds(100)) = error else {
                Issue.record("expected timedOut, got \(error)")
                return
            }
        }
        probe.gate.open()
        _ = await far
        await host.close()
    }
}
