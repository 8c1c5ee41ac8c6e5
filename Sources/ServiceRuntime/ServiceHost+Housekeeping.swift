/// The host's own background work: failing callers whose deadline passed, publishing status snapshots,
/// and the tasks a handler spawns.
extension ServiceHost {
    /// Starts the deadline sweeper and the status publisher. Both wait on events and on computed deadlines,
    /// never on a period: an idle service wakes neither.
    func startHousekeeping() {
        let sweeper = Task { [weak self] in
            while let self, !Task.isCancelled {
                self.sweepExpiredCalls()
                await self.waitForNextDeadline()
            }
        }
        let publisher = Task { [weak self] in
            var lastPublished: ContinuousClock.Instant?
            while let self, !Task.isCancelled {
                await self.statusSignal.wait()
                if Task.isCancelled { return }
                // At most one snapshot a `statusInterval`: a change within it is published when it ends, with
                // whatever else changed meanwhile. A lone change goes out at once, with no timer armed.
                if let last = lastPublished {
                    await AlarmClock.shared.sleep(until: last + self.configuration.statusInterval)
                }
                lastPublished = .now
                self.statusHub.publish(self.status)
            }
        }
        housekeeping.withLock { $0 = [sweeper, publisher] }
    }

    /// Fails every parked call whose deadline has passed.
    private func sweepExpiredCalls() {
        let now = ContinuousClock.now
        let expired = core.withLock { core in
            core.parked.values.filter { !$0.ticket.isDone && $0.deadline <= now }
        }
        guard !expired.isEmpty else { return }
        // Their jobs were all put in before now: tell the consumer to check whether a job's caller is gone.
        lifecycle.markAbandoned(before: mailbox.putCount)
        // Inside `counting`: the timed-out callers see their timeouts counted.
        counting.counting {
            for call in expired
            where call.ticket.complete(.failure(.timedOut(service: name, after: call.timeout))) {
                record(call.kind, caller: call.caller, outcome: .timeout, admitted: call.admitted, at: now)
            }
        }
        touchStatus()
    }

    /// Waits until the first waiting caller's deadline, or, with none waiting, until a caller parks; a caller
    /// that parks with an earlier deadline wakes it sooner. A call answered in time is simply not found
    /// expired when the deadline comes: nothing polls while calls wait.
    private func waitForNextDeadline() async {
        await withUnsafeContinuation { (continuation: UnsafeContinuation<Void, Never>) in
            let due: ContinuousClock.Instant?? = core.withLock { core in
                let next = core.earliestDeadline
                if let next, next <= .now { return .none }  // one is due already: sweep again at once
                core.sweeper = continuation
                core.sweeperDue = next
                return .some(next)
            }
            guard case let .some(deadline) = due else { return continuation.resume() }
            guard let deadline else { return }
            let alarm = AlarmClock.shared.arm(at: deadline) { [weak self] in
                guard let self else { return }
                // Only the wait this alarm was armed for: a caller may have woken the sweeper since.
                let waiting = core.withLock { core in core.sweeperDue == deadline ? core.takeSweeper() : nil }
                if case let .parked(sweeper, _)? = waiting { sweeper?.resume() }
            }
            core.withLock { core in
                if core.sweeperDue == deadline, core.sweeper != nil { core.sweeperAlarm = alarm }
            }
        }
    }

    // MARK: - Handler context

    func makeContext(generation: Int) -> Context {
        Context(
            name: name,
            publish: { [eventHub] event in eventHub.publish(event) },
            spawn: { [weak self] work in self?.spawnBackground(work, generation: generation) }
        )
    }

    private func spawnBackground(_ work: @escaping @Sendable () async throws -> Void, generation: Int) {
        core.withLock { core in
            guard core.generation == generation, core.state.isUp else { return }
            core.backgroundTasks.append(
                Task { [weak self] in
                    do {
                        try await work()
                    } catch  where !Task.isCancelled {
                        self?.crashFromBackground(generation: generation, reason: "\(error)")
                    } catch {}
                })
        }
    }

    private func crashFromBackground(generation: Int, reason: String) {
        crash(generation: generation, reason: "\(name) background task failed: \(reason)")
    }

    func endBackgroundTasks() {
        for task in core.withLock({ core in
            defer { core.backgroundTasks.removeAll() }
            return core.backgroundTasks
        }) {
            task.cancel()
        }
    }
}
