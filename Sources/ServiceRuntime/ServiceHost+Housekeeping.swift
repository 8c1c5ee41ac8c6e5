/// The host's own background work: failing callers whose deadline passed, publishing status snapshots,
/// and the tasks a handler spawns.
extension ServiceHost {
    /// How often the sweeper looks for expired deadlines while requests are waiting.
    static var sweepInterval: Duration { .milliseconds(2) }

    func startHousekeeping() {
        let sweeper = Task { [weak self] in
            var idleSweeps = 0
            while let self, !Task.isCancelled {
                idleSweeps = self.sweepExpiredCalls() ? 0 : idleSweeps + 1
                // Park after a few empty sweeps so an idle service costs no CPU; an admission wakes us.
                if idleSweeps > 3 {
                    await self.parkSweeper()
                    idleSweeps = 0
                } else {
                    try? await Task.sleep(for: Self.sweepInterval)
                }
            }
        }
        let publisher = Task { [weak self] in
            while let self, !Task.isCancelled {
                await self.statusSignal.wait()
                if Task.isCancelled { return }
                self.statusHub.publish(self.status)
                try? await Task.sleep(for: self.configuration.statusInterval)
            }
        }
        housekeeping.withLock { $0 = [sweeper, publisher] }
    }

    /// Fails every parked call whose deadline has passed; returns whether any call is still waiting.
    private func sweepExpiredCalls() -> Bool {
        let now = ContinuousClock.now
        let (expired, waiting) = core.withLock { core in
            var expired: [ParkedCall<Reply, Failure>] = []
            var waiting = false
            for call in core.parked.values where !call.ticket.isDone {
                if call.deadline <= now { expired.append(call) } else { waiting = true }
            }
            return (expired, waiting)
        }
        guard !expired.isEmpty else { return waiting }
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
        return waiting
    }

    private func parkSweeper() async {
        await withUnsafeContinuation { continuation in
            let parked = core.withLock { core in
                if core.parked.isEmpty { core.sweeper = continuation }
                return core.parked.isEmpty
            }
            if !parked { continuation.resume() }
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
