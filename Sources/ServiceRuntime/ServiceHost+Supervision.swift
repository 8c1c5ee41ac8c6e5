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
            core.runner = Task { await self.supervise(from: generation) }
            return true
        }
        if started { await waitUntilSettled() }
    }

    func stopNow() async {
        let (runner, calls, consumer, statusWaiter) = core.withLock { core in
            guard core.state != .stopped, core.state != .failed else {
                return (
                    core.runner.take(), [Core.Call](), Optional<UnsafeContinuation<Core.Item?, Never>>.none,
                    core.touch()
                )
            }
            core.state = .stopping
            core.nextRestartAt = nil
            return (core.runner.take(), core.drainCalls(), core.consumer.take(), core.touch())
        }
        statusWaiter?.resume()
        fail(calls, state: .stopping)
        consumer?.resume(returning: nil)
        guard let runner else { return }
        runner.cancel()
        if await !finishes(runner, within: configuration.stopGracePeriod) {
            // The handler ignores cancellation. Leave it behind: bumping the generation makes whatever it
            // does later stale, so it can no longer change this host's state.
            core.withLock { core in
                core.generation += 1
                core.state = .stopped
                core.runningSince = nil
                core.metrics.lastError = "\(name) did not stop within \(configuration.stopGracePeriod.shortDescription)"
                return core.touch()
            }?.resume()
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
    private func supervise(from initialGeneration: Int) async {
        var planner = RestartPlanner(policy: configuration.restartPolicy)
        var generation = initialGeneration
        while true {
            guard let next = beginIncarnation() else { return finish(.stopped, generation: generation) }
            generation = next
            let exit = await serve(generation: generation)
            endBackgroundTasks()
            guard case let .crashed(reason) = exit, !Task.isCancelled else {
                return finish(.stopped, generation: generation)
            }
            let calls = core.withLock { core in
                guard core.generation == generation else { return [Core.Call]() }
                core.state = .crashed
                core.runningSince = nil
                core.metrics.lastError = reason
                return core.drainCalls()
            }
            fail(calls, state: .crashed)
            switch planner.crashed(at: .now, random: Double.random(in: 0..<1)) {
            case .giveUp:
                return finish(.failed, generation: generation)
            case let .restart(delay):
                core.withLock { core -> UnsafeContinuation<Void, Never>? in
                    guard core.generation == generation else { return nil }
                    core.state = .restarting
                    core.nextRestartAt = .now + delay
                    return core.touch()
                }?.resume()
                try? await Task.sleep(for: delay)
                if Task.isCancelled { return finish(.stopped, generation: generation) }
                core.withLock { core in
                    core.metrics.restarts += 1
                    core.nextRestartAt = nil
                }
            }
        }
    }

    private func beginIncarnation() -> Int? {
        let (generation, statusWaiter): (Int?, UnsafeContinuation<Void, Never>?) = core.withLock { core in
            guard core.state == .starting || core.state == .restarting, !Task.isCancelled else { return (nil, nil) }
            core.state = .starting
            core.generation += 1
            return (core.generation, core.touch())
        }
        statusWaiter?.resume()
        return generation
    }

    /// Settles the final state of a supervisor's run, unless a newer run has taken over since.
    private func finish(_ state: ServiceState, generation: Int) {
        core.withLock { core -> UnsafeContinuation<Void, Never>? in
            guard core.generation == generation else { return nil }
            core.state = state
            core.runningSince = nil
            core.nextRestartAt = nil
            return core.touch()
        }?.resume()
    }

    func fail(_ calls: [Core.Call], state: ServiceState) {
        let error = ServiceCallError<Failure>.unavailable(service: name, state: state)
        for call in calls { call.complete(.failure(error)) }
    }

    // MARK: - Serving

    /// One incarnation: make a handler, then handle the mailbox in order until told to end or the handler breaks.
    private func serve(generation: Int) async -> Exit {
        let context = makeContext(generation: generation)
        var handler: Handler
        do {
            handler = try await factory(context)
        } catch {
            return .crashed(reason: "\(name) could not start: \(error)")
        }
        let isRunning = core.withLock { core in
            guard core.generation == generation, core.state == .starting else { return false }
            core.state = .running
            core.runningSince = .now
            return true
        }
        touchStatus()
        guard isRunning else {
            await handler.shutdown()
            return .stopped
        }
        var finished: Core.Finished?
        while let (item, faults) = await nextItem(generation: generation, recording: finished) {
            finished = nil
            switch item {
            case let .crash(reason):
                return .crashed(reason: reason)
            case let .request(job):
                switch await handle(job, faults: faults, with: &handler, context: context) {
                case let .finished(record): finished = record
                case let .exit(exit): return exit
                }
            }
        }
        await handler.shutdown()
        return .stopped
    }

    private enum Handled {
        /// The job's outcome, to be recorded; nil when nobody was left to tell.
        case finished(Core.Finished?)
        /// The handler broke or was stopped.
        case exit(Exit)
    }

    /// Handles one job and replies to its caller.
    private func handle(
        _ job: Core.Job, faults: FaultInjection, with handler: inout Handler, context: Context
    ) async -> Handled {
        if job.call?.isDone == true { return .finished(nil) }  // its caller already gave up: skip the work
        if faults.isActive {
            if faults.latency > .zero { try? await Task.sleep(for: faults.latency) }
            if faults.failureRate > 0, Double.random(in: 0..<1) < faults.failureRate {
                return .finished(reply(to: job, .failure(.injectedFault(service: name))))
            }
        }
        do {
            let value = try await handler.handle(job.request, context: context)
            return .finished(reply(to: job, .success(value)))
        } catch let failure as Failure {
            return .finished(reply(to: job, .failure(.failed(failure))))
        } catch is CancellationError where Task.isCancelled {
            return .exit(.stopped)
        } catch {
            return .exit(.crashed(reason: "\(name) crashed handling \(job.request.kind): \(error)"))
        }
    }

    /// Resumes the caller; returns what to record, or nil if the deadline sweeper got there first (it then
    /// counted a timeout, and this late reply is dropped).
    private func reply(to job: Core.Job, _ outcome: Core.Call.Outcome) -> Core.Finished? {
        let now = ContinuousClock.now
        guard job.call?.complete(outcome) ?? true else { return nil }
        return switch outcome {
        case .success: Core.Finished(job: job, outcome: .ok, at: now, error: nil)
        case let .failure(error): Core.Finished(job: job, outcome: .error, at: now, error: error.description)
        }
    }

    /// The next item to handle, recording the previous job's outcome under the same lock.
    private func nextItem(
        generation: Int, recording finished: Core.Finished?
    ) async -> (Core.Item, FaultInjection)? {
        let seen = admissions.current
        switch takeNext(generation: generation, recording: finished) {
        case let .item(item, faults): return (item, faults)
        case .end: return nil
        case .park: break
        }
        // Traffic usually keeps coming: poll briefly for the next admission before paying for a park.
        let admissions = self.admissions
        if Spin.wait(Spin.consumerBudget, until: { admissions.current != seen }) {
            switch takeNext(generation: generation, recording: nil) {
            case let .item(item, faults): return (item, faults)
            case .end: return nil
            case .park: break
            }
        }
        let item: Core.Item? = await withUnsafeContinuation { continuation in
            let immediate: Core.Next = core.withLock { core in
                let next = core.next(for: generation)
                if case .park = next { core.consumer = continuation }
                return next
            }
            switch immediate {
            case let .item(item, _): continuation.resume(returning: item)
            case .end: continuation.resume(returning: nil)
            case .park: break
            }
        }
        guard let item else { return nil }
        return (item, core.withLock { $0.faults })
    }

    private func takeNext(generation: Int, recording finished: Core.Finished?) -> Core.Next {
        let (next, statusWaiter): (Core.Next, UnsafeContinuation<Void, Never>?) = core.withLock { core in
            guard let finished else { return (core.next(for: generation), nil) }
            core.record(finished, service: name)
            return (core.next(for: generation), core.touch())
        }
        statusWaiter?.resume()
        return next
    }

    func touchStatus() {
        core.withLock { $0.touch() }?.resume()
    }
}
