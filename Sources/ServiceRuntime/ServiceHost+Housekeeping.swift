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
                await self.waitForStatusChange()
                if Task.isCancelled { return }
                self.statusHub.publish(self.status)
                try? await Task.sleep(for: self.configuration.statusInterval)
            }
        }
        housekeeping.withLock { $0 = [sweeper, publisher] }
    }

    /// Fails every waiting call whose deadline has passed; returns whether any call is still waiting.
    private func sweepExpiredCalls() -> Bool {
        let now = ContinuousClock.now
        var expired: [Core.Job] = []
        let waiting = core.withLock { core in
            var waiting = false
            func check(_ job: Core.Job) {
                guard let call = job.call, !call.isDone else { return }
                if call.deadline <= now { expired.append(job) } else { waiting = true }
            }
            for case let .request(job) in core.queue { check(job) }
            if let job = core.current { check(job) }
            return waiting
        }
        guard !expired.isEmpty else { return waiting }
        uncounted.add(1, ordering: .relaxed)  // see `uncounted`: the timed-out callers see their timeouts counted
        defer { uncounted.subtract(1, ordering: .releasing) }
        let timedOut = expired.filter { job in
            job.call!.complete(.failure(.timedOut(service: name, after: job.call!.timeout)))
        }
        for job in timedOut { record(job, outcome: .timeout, at: now) }
        touchStatus()
        return waiting
    }

    private func parkSweeper() async {
        await withUnsafeContinuation { continuation in
            let parked = core.withLock { core in
                let hasCalls =
                    core.current?.call != nil
                    || core.queue.contains { item in
                        if case let .request(job) = item { job.call != nil } else { false }
                    }
                if !hasCalls { core.sweeper = continuation }
                return !hasCalls
            }
            if !parked { continuation.resume() }
        }
    }

    private func waitForStatusChange() async {
        await withUnsafeContinuation { continuation in
            let dirty = core.withLock { core in
                if core.statusDirty {
                    core.statusDirty = false
                    return true
                }
                core.statusWaiter = continuation
                return false
            }
            if dirty { continuation.resume() }
        }
    }

    // MARK: - Handler context

    func makeContext(generation: Int) -> Context {
        Context(
            name: name,
            publish: { [eventHub] event in eventHub.publish(event) },
            post: { [weak self] request in self?.send(request, caller: "self") ?? .refused(.stopped) },
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
        let item = Core.Item.crash(reason: "\(name) background task failed: \(reason)")
        let handoff: UnsafeContinuation<Core.Item?, Never>? = core.withLock { core in
            guard core.generation == generation, core.state == .running else { return nil }
            if let consumer = core.consumer.take() { return consumer }
            core.queue.prepend(item)
            return nil
        }
        handoff?.resume(returning: item)
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
