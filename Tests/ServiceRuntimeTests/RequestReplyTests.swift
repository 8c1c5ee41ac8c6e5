import ParleyTestKit
import ServiceRuntime
import Testing

@Suite(.timeLimit(.minutes(1)))
struct RequestReplyTests {
    @Test func repliesToARequest() async throws {
        let host = await makeHost()
        #expect(try await host.request(.echo(42)) == 42)
        await host.close()
    }

    @Test func aRefusalReachesTheCallerAsTheServicesOwnError() async {
        let host = await makeHost()
        await #expect(throws: ServiceCallError<TestService.Refusal>.self) { try await host.request(.refuse("no")) }
        do {
            _ = try await host.request(.refuse("no"))
        } catch {
            #expect(error.failure == TestService.Refusal(reason: "no"))
        }
        #expect(host.status.state == .running)
        await host.close()
    }

    @Test func manyConcurrentCallersEachGetTheirOwnReplyExactlyOnce() async throws {
        let host = await makeHost(capacity: 10_000)
        let callers = 32
        let perCaller = 500
        let replies = try await withThrowingTaskGroup(of: [Int].self) { group in
            for caller in 0..<callers {
                group.addTask {
                    var replies: [Int] = []
                    for index in 0..<perCaller {
                        let value = caller * perCaller + index
                        let reply = try await host.request(.echo(value))
                        #expect(reply == value)
                        replies.append(reply)
                    }
                    return replies
                }
            }
            return try await group.reduce(into: [Int]()) { $0 += $1 }
        }
        #expect(replies.count == callers * perCaller)
        #expect(Set(replies).count == callers * perCaller)
        // The host replies first and counts just after: status is eventually consistent.
        #expect(await eventually { host.status.total == OutcomeCounts(ok: callers * perCaller) })
        await host.close()
    }

    @Test func aFullMailboxRefusesAtOnceWithOverloaded() async throws {
        let probe = Probe()
        let host = await makeHost(probe: probe, capacity: 2)
        // One request is being handled (waiting at the gate); two more fill the mailbox.
        let first = Task { try await host.request(.waitForGate(1)) }
        #expect(await eventually { probe.gate.waiting == 1 })
        let queued = [Task { try await host.request(.echo(2)) }, Task { try await host.request(.echo(3)) }]
        #expect(await eventually { host.status.mailboxDepth == 2 })
        do {
            _ = try await host.request(.echo(4))
            Issue.record("a full mailbox admitted a request")
        } catch {
            guard case .overloaded(service: "test", capacity: 2) = error else {
                Issue.record("expected overloaded, got \(error)")
                return
            }
        }
        probe.gate.open()
        #expect(try await first.value == 1)
        for task in queued { _ = try await task.value }
        #expect(host.status.mailboxHighWater == 2)
        #expect(host.status.total.rejected == 1)
        await host.close()
    }

    @Test func aRequestToAStoppedServiceFailsAtOnceAsUnavailable() async {
        let probe = Probe()
        let host = await makeHost(probe: probe)
        #expect((try? await host.request(.echo(1))) == 1)
        await host.stop()
        do {
            _ = try await host.request(.echo(2))
            Issue.record("a stopped service answered")
        } catch {
            guard case .unavailable(service: "test", state: .stopped) = error else {
                Issue.record("expected unavailable, got \(error)")
                return
            }
        }
        #expect(probe.handledCount == 1)
        await host.close()
    }
}
