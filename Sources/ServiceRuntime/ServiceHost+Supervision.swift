/// Starting, stopping, serving and restarting. Stopping by hand and crashing share one path: the mailbox is
/// drained and every waiting caller fails at once with `unavailable`; only a crash is followed by a restart.
extension ServiceHost {
    enum Exit {
        case stopped
        case crashed(reason: String)
    }

    func startNow() async {
        // A crashed service waiting for its supervisor is started afresh: the by-hand start wins.
        if core.withLock({ $0.state == .crashed }) { await stopNow() }
        let started: Bool = core.withLock { core in
            guard !core.state.isUp else { return false }
            core.state = .starting
            let generation = core.generation
            // Made here, in code the caller's module specialises for its handler, and handed down: the
            // supervisor is not specialised, and an unspecialised request loop would pay generic metadata
            // look-ups on every request.
            let requestLoop: RequestLoop = { generation, handler, context in
                await self.serveRequests(generation: generation, handler: &handler, context: context)
            }
            core.runner = Task { await self.supervise(from: generation, requestLoop: requestLoop) }
            return true
        }
        if started { await waitUntilSettled() }
    }

    func stopNow() async {
        let (runner, calls) = core.withLock { core in
            defer { core.touch() }
            guard core.state != .stopped, core.state != .failed else { return (core.runner.take(), [Core.Call]()) }
            core.state = .stopping
            core.nextRestartAt = nil
            return (core.runner.take(), core.drainCalls())
        }
        // Callers still spinning for their reply see the lifecycle word change and fail themselves.
        fail(calls, state: .stopping)
        mailbox.wakeConsumer()
        guard let runner else { return }
        runner.cancel()
        if await !finishes(runner, within: configuration.stopGracePeriod) {
            // The handler ignores cancellation. Leave it behind: bumping the generation makes whatever it
            // does later stale, so it can no longer change this host's state.
            counting.metrics.withLock { metrics in
                metrics.lastError = "\(name) did not stop within \(configuration.stopGracePeriod.shortDescription)"
            }
            let generation = core.withLock { core in
                core.generation += 1
                core.state = .stopped
                core.runningSince = nil
                core.touch()
                return core.generation
            }
            // What the hung incarnation left in the mailbox is over too: empty it now (its callers were told
            // at the stop), so the status does not show a stopped service with work waiting.
            drainMailbox(generation: generation, state: .stopped)
        }
    }

    private func finishes(_ task: Task<Void, Never>, within limit: Duration) async -> Bool {
        let first = FirstOf()
        return await withCheckedContinuation { continuation in
            Task {
                await task.value
                first.resume(continuation, with: true)
            }
            Task {
                try? await Task.sleep(for: limit)
                first.resume(continuation, with: false)
            }
        }
    }

    /// Waits until the service has left `starting`, so that `start()` returns to a running (or failed) service.
    private func waitUntilSettled() async {
        while core.withLock({ $0.state == .starting }) {
            await Task.yield()
            try? await Task.sleep(for: .milliseconds(1))
        }
    }

    /// The supervisor: runs incarnations of the handler until stopped by hand, restarting after crashes.
    private func supervise(from initialGeneration: Int, requestLoop: RequestLoop) async {
        var planner = RestartPlanner(policy: configuration.restartPolicy)
        var generation = initialGeneration
        while true {
            guard let next = beginIncarnation() else { return finish(.stopped, generation: generation) }
            generation = next
            let exit = await serve(generation: generation, requestLoop: requestLoop)
            endBackgroundTasks()
            guard case let .crashed(reason) = exit, !Task.isCancelled else {
                drainMailbox(generation: generation, state: .stopping)
                return finish(.stopped, generation: generation)
            }
            // The reason goes in before the state changes: whoever sees `crashed` (a caller of `start()`, the
            // status stream) must see why, not "no reason given".
            if core.withLock({ $0.generation == generation }) { counting.metrics.withLock { $0.lastError = reason } }
            let calls: [Core.Call]? = core.withLock { core in
                guard core.generation == generation else { return nil }
                core.state = .crashed
                core.runningSince = nil
                return core.drainCalls()
            }
            fail(calls ?? [], state: .crashed)
            drainMailbox(generation: generation, state: .crashed)
            switch planner.crashed(at: .now, random: Double.random(in: 0..<1)) {
            case .giveUp:
                return finish(.failed, generation: generation)
            case let .restart(delay):
                core.withLock { core in
                    guard core.generation == generation else { return }
                    core.state = .restarting
                    core.nextRestartAt = .now + delay
                    core.touch()
                }
                try? await Task.sleep(for: delay)
                if Task.isCancelled { return finish(.stopped, generation: generation) }
                counting.metrics.withLock { $0.restarts += 1 }
                core.withLock { $0.nextRestartAt = nil }
            }
        }
    }

    private func beginIncarnation() -> Int? {
        core.withLock { core in
            guard core.state == .starting || core.state == .restarting, !Task.isCancelled else { return nil }
            core.state = .starting
            core.crashReason = nil
            core.generation += 1
            core.touch()
            return core.generation
        }
    }

    /// Settles the final state of a supervisor's run, unless a newer run has taken over since.
    private func finish(_ state: ServiceState, generation: Int) {
        core.withLock { core in
            guard core.generation == generation else { return }
            core.state = state
            core.runningSince = nil
            core.nextRestartAt = nil
            core.touch()
        }
    }

    func fail(_ calls: [Core.Call], state: ServiceState) {
        let error = ServiceCallError<Failure>.unavailable(service: name, state: state)
        for call in calls { call.complete(.failure(error)) }
    }
}
