import ParleyTestKit
import ServiceRuntime
import Synchronization
import Testing

@Suite(.timeLimit(.minutes(1)))
struct StatusAndEventsTests {
    @Test func statusCountsMatchWhatWasSent() async {
        let probe = Probe()
        let host = await makeHost(probe: probe)
        for value in 0..<7 { _ = try? await host.request(.echo(value)) }
        for _ in 0..<3 { _ = try? await host.request(.refuse("no")) }
        _ = try? await host.request(.waitForGate(0), timeout: .milliseconds(20))
        probe.gate.open()
        host.inject(FaultInjection(failureRate: 1))
        for _ in 0..<2 { _ = try? await host.request(.echo(0)) }
        host.inject(.none)
        await host.stop()
        _ = try? await host.request(.echo(0))
        let status = host.status
        #expect(status.total == OutcomeCounts(ok: 7, error: 5, timeout: 1, rejected: 1))
        // The last 10 seconds hold the latest outcomes; on a busy machine the first ones may have left them.
        #expect(status.recent.rejected == 1)
        #expect(status.recent.ok <= 7 && status.recent.error <= 5 && status.recent.timeout <= 1)
        #expect(status.latencyP50 != nil && status.latencyP99 != nil)
        await host.close()
    }

    @Test func aCallerWhoHasItsReplySeesItCountedAndTraced() async throws {
        let host = await makeHost()
        for value in 1...200 {
            #expect(try await host.request(.echo(value)) == value)
            // Counting comes just after the reply, but reads wait for it: no `eventually` needed here.
            #expect(host.status.total.ok == value)
            #expect(host.recentTrace.count == min(value, 256))
        }
        await host.close()
    }

    @Test func statusIsPublishedAtMostFourTimesASecond() async {
        let host = await makeHost()
        let updates = host.statusUpdates()
        let seen = Mutex(0)
        let reader = Task {
            for await _ in updates { seen.withLock { $0 += 1 } }
        }
        let clock = ContinuousClock()
        let start = clock.now
        while clock.now - start < .seconds(1) { _ = try? await host.request(.echo(1)) }
        // The reader may lag on a loaded machine: wait for it rather than reading the count at once.
        #expect(await eventually { seen.withLock { $0 } >= 1 })
        let elapsed = clock.now - start
        reader.cancel()
        // One snapshot may go out at once, then one per 250 ms interval at most (and one more for the last
        // change, published after the requests stopped).
        let allowed = 2 + Int((elapsed / .milliseconds(250)).rounded(.up))
        #expect(seen.withLock { $0 } <= allowed)
        await host.close()
    }

    @Test func statusReportsUptimeAndMailboxCapacity() async {
        let host = await makeHost(capacity: 16)
        let status = host.status
        #expect(status.name == "test")
        #expect(status.state == .running)
        #expect(status.mailboxCapacity == 16)
        #expect(status.uptime != nil)
        await host.stop()
        #expect(host.status.uptime == nil)
        await host.close()
    }

    @Test func theTraceRecordsCallerKindAndOutcome() async {
        let host = await makeHost()
        _ = try? await host.request(.echo(1), caller: "ui")
        _ = try? await host.request(.refuse("x"), caller: "scenario")
        let trace = host.recentTrace
        #expect(trace.map(\.caller) == ["ui", "scenario"])
        #expect(trace.map(\.kind) == ["echo", "refuse"])
        #expect(trace.map(\.outcome) == [.ok, .error])
        #expect(trace.allSatisfy { $0.service == "test" })
        await host.close()
    }

    @Test func theTraceIsBounded() async {
        let host = await makeHost()
        for value in 0..<300 { _ = try? await host.request(.echo(value)) }
        #expect(host.recentTrace.count == 256)
        await host.close()
    }

    @Test func everySubscriberReceivesEveryEvent() async throws {
        let host = await makeHost()
        let first = host.events()
        let second = host.events()
        for value in 1...3 { _ = try await host.request(.publish(value)) }
        for stream in [first, second] {
            var received: [Int] = []
            for await event in stream {
                received.append(event)
                if received.count == 3 { break }
            }
            #expect(received == [1, 2, 3])
        }
        await host.close()
    }

    @Test func aSlowSubscriberNeverBlocksTheServiceAndItsDropsAreCounted() async throws {
        let host = await makeHost()
        let slow = host.events(bufferSize: 4)  // never read until the end
        for value in 1...10 { _ = try await host.request(.publish(value)) }
        #expect(host.status.droppedEvents == 6)
        var kept: [Int] = []
        for await event in slow {
            kept.append(event)
            if kept.count == 4 { break }
        }
        #expect(kept == [7, 8, 9, 10])  // the oldest were dropped
        await host.close()
    }

    @Test func injectedLatencyAndFailuresApplyUntilCleared() async throws {
        let host = await makeHost()
        host.inject(FaultInjection(latency: .milliseconds(200)))
        await #expect(throws: ServiceCallError<TestService.Refusal>.self) {
            try await host.request(.echo(1), timeout: .milliseconds(20))
        }
        host.inject(FaultInjection(failureRate: 1))
        do {
            _ = try await host.request(.echo(1))
            Issue.record("an injected failure let the request through")
        } catch {
            guard case .injectedFault(service: "test") = error else {
                Issue.record("expected an injected fault, got \(error)")
                return
            }
        }
        #expect(host.status.faults == FaultInjection(failureRate: 1))
        host.inject(.none)
        #expect(try await host.request(.echo(5)) == 5)
        await host.close()
    }

    @Test func aFractionOfRequestsFailWhenAskedTo() async {
        let host = await makeHost()
        host.inject(FaultInjection(failureRate: 0.5))
        var failures = 0
        for value in 0..<400 where (try? await host.request(.echo(value))) == nil { failures += 1 }
        // 400 fair coin flips land between 120 and 280 heads with overwhelming probability (> 15 sigma).
        #expect((120...280).contains(failures))
        await host.close()
    }
}
