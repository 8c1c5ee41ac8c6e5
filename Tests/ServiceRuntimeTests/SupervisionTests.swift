import ParleyTestKit
import Synchronization
import Testing

@testable import ServiceRuntime

@Suite(.timeLimit(.minutes(1)))
struct SupervisionTests {
    @Test func aCrashedServiceIsRestartedAndItsCallerToldItIsUnavailable() async throws {
        let probe = Probe()
        let host = await makeHost(probe: probe)
        do {
            _ = try await host.request(.breakDown)
            Issue.record("a crash returned a reply")
        } catch {
            guard case .unavailable(service: "test", state: .crashed) = error else {
                Issue.record("expected unavailable (crashed), got \(error)")
                return
            }
        }
        #expect(await eventually { host.status.state == .running })
        #expect(host.status.restarts == 1)
        #expect(host.status.lastError?.contains("crashed handling breakDown") == true)
        #expect(probe.startCount == 2)
        #expect(try await host.request(.echo(9)) == 9)
        await host.close()
    }

    @Test func afterTooManyCrashesInTheWindowTheServiceIsLeftFailed() async throws {
        let host = await makeHost(
            restarts: RestartPolicy(
                maxRestarts: 3, window: .seconds(30), initialBackoff: .milliseconds(5), maxBackoff: .milliseconds(20)))
        for _ in 0..<4 {
            #expect(await eventually { host.status.state == .running })
            _ = try? await host.request(.breakDown)
        }
        #expect(await eventually { host.status.state == .failed })
        #expect(host.status.restarts == 3)
        // A failed service stays failed: nothing restarts it but a start by hand.
        do {
            _ = try await host.request(.echo(1))
            Issue.record("a failed service answered")
        } catch {
            guard case .unavailable(service: "test", state: .failed) = error else {
                Issue.record("expected unavailable, got \(error)")
                return
            }
        }
        await host.start()
        #expect(host.status.state == .running)
        #expect(try await host.request(.echo(1)) == 1)
        await host.close()
    }

    @Test func aServiceThatCannotStartEndsFailedWithItsReason() async {
        let host = await makeHost(
            restarts: RestartPolicy(maxRestarts: 2, initialBackoff: .milliseconds(5)), failStart: { true })
        #expect(await eventually { host.status.state == .failed })
        #expect(host.status.lastError?.contains("could not start") == true)
        await host.close()
    }

    /// Whoever sees the failed start (the app, which says it on the main screen) sees why, at once.
    @Test func theReasonAStartFailedIsKnownWhenStartReturns() async {
        let host = await makeHost(
            restarts: RestartPolicy(maxRestarts: 2, initialBackoff: .seconds(30)), failStart: { true })
        #expect(host.status.state != .running)
        #expect(host.status.lastError?.contains("could not start") == true)
        await host.close()
    }

    @Test func aFailingBackgroundTaskCrashesTheService() async throws {
        let host = await makeHost()
        _ = try await host.request(.spawnFailingTask)
        #expect(await eventually { host.status.restarts == 1 && host.status.state == .running })
        #expect(host.status.lastError?.contains("background task failed") == true)
        await host.close()
    }

    @Test func aStopByHandIsNeverFollowedByARestart() async throws {
        let probe = Probe()
        let host = await makeHost(probe: probe)
        await host.stop()
        // Give a (wrong) supervisor every chance: a crash-sized delay passes and the service stays down.
        #expect(!(await eventually(timeout: .milliseconds(200)) { host.status.state != .stopped }))
        #expect(probe.startCount == 1)
        await host.close()
    }

    @Test func stoppingWhileWaitingToRestartCancelsTheRestart() async {
        let host = await makeHost(
            restarts: RestartPolicy(initialBackoff: .seconds(30), maxBackoff: .seconds(30), jitter: 0))
        host.crash()
        #expect(await eventually { host.status.state == .restarting })
        #expect(host.status.nextRestartIn != nil)
        await host.stop()
        #expect(host.status.state == .stopped)
        await host.close()
    }
}

struct RestartPlannerTests {
    @Test func backoffDoublesUpToItsCapAndGivesUpAfterTheLimit() {
        var planner = RestartPlanner(
            policy: RestartPolicy(
                maxRestarts: 4, window: .seconds(30), initialBackoff: .milliseconds(100),
                maxBackoff: .milliseconds(300),
                jitter: 0))
        let start = ContinuousClock.now
        let decisions = (0..<5).map { planner.crashed(at: start + .seconds($0), random: 0.5) }
        #expect(
            decisions == [
                .restart(after: .milliseconds(100)), .restart(after: .milliseconds(200)),
                .restart(after: .milliseconds(300)), .restart(after: .milliseconds(300)), .giveUp,
            ])
    }

    @Test func crashesOutsideTheWindowAreForgiven() {
        var planner = RestartPlanner(policy: RestartPolicy(maxRestarts: 1, window: .seconds(10), jitter: 0))
        let start = ContinuousClock.now
        #expect(planner.crashed(at: start, random: 0) == .restart(after: .milliseconds(100)))
        #expect(planner.crashed(at: start + .seconds(5), random: 0) == .giveUp)
        #expect(planner.crashed(at: start + .seconds(11), random: 0) == .restart(after: .milliseconds(100)))
    }

    @Test(arguments: [0.0, 0.5, 0.999])
    func jitterStaysWithinItsFraction(random: Double) {
        var planner = RestartPlanner(policy: RestartPolicy(initialBackoff: .milliseconds(100), jitter: 0.2))
        guard case let .restart(delay) = planner.crashed(at: .now, random: random) else {
            Issue.record("expected a restart")
            return
        }
        #expect(delay >= .milliseconds(80) && delay <= .milliseconds(120))
    }
}
