/// Serving: the consumer's side of the mailbox. One task per incarnation takes jobs in order, runs the
/// handler, replies and counts. This is the hot path of every request, so the caller is replied to first
/// and counting comes after, and the next job is polled for briefly before the task parks.
extension ServiceHost {
    /// The per-request loop of one incarnation; see `startNow` for why it is passed around as a closure.
    typealias RequestLoop = @Sendable (_ generation: Int, _ handler: inout Handler, _ context: Context) async -> Exit

    /// One incarnation: make a handler, then run the request loop until told to end or the handler breaks.
    func serve(generation: Int, requestLoop: RequestLoop) async -> Exit {
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
        return await requestLoop(generation, &handler, context)
    }

    /// Handles the mailbox in order until told to end (then shuts the handler down) or the handler breaks.
    func serveRequests(generation: Int, handler: inout Handler, context: Context) async -> Exit {
        var handled = false
        while let (item, faults) = await nextItem(generation: generation, touching: handled) {
            switch item {
            case let .crash(reason):
                return .crashed(reason: reason)
            case let .request(job):
                if let exit = await handle(job, faults: faults, with: &handler, context: context) { return exit }
                handled = true
            }
        }
        await handler.shutdown()
        return .stopped
    }

    /// Handles one job and replies to its caller; returns an exit only when the handler broke or was stopped.
    private func handle(
        _ job: Core.Job, faults: FaultInjection, with handler: inout Handler, context: Context
    ) async -> Exit? {
        if job.call?.isDone == true { return nil }  // its caller already gave up: skip the work
        if faults.isActive, await faults.delayThenDrawFailure() {
            reply(to: job, .failure(.injectedFault(service: name)))
            return nil
        }
        do {
            let value = try await handler.handle(job.request, context: context)
            reply(to: job, .success(value))
        } catch let failure as Failure {
            reply(to: job, .failure(.failed(failure)))
        } catch {
            guard let reason = crashReason(for: error, service: name, kind: job.request.kind) else { return .stopped }
            return .crashed(reason: reason)
        }
        return nil
    }

    /// Resumes the caller, then counts the outcome, so that the caller never waits for the counting. A reply
    /// that lost to the deadline sweeper is dropped here: the sweeper counted the timeout.
    private func reply(to job: Core.Job, _ outcome: Core.Call.Outcome) {
        // Raised before the caller can see its reply (the completion publishes it), lowered once counted.
        uncounted.add(1, ordering: .relaxed)
        defer { uncounted.subtract(1, ordering: .releasing) }
        guard job.call?.complete(outcome) ?? true else { return }
        let now = ContinuousClock.now
        switch outcome {
        case .success: record(job, outcome: .ok, at: now)
        case let .failure(error): record(job, outcome: .error, at: now, error: error.description)
        }
    }

    /// The next item to handle, marking the status changed (for the outcome just counted) under the same lock.
    private func nextItem(generation: Int, touching: Bool) async -> (Core.Item, FaultInjection)? {
        let seen = admissions.current
        switch takeNext(generation: generation, touching: touching) {
        case let .item(item, faults): return (item, faults)
        case .end: return nil
        case .park: break
        }
        // Traffic usually keeps coming: poll briefly for the next admission before paying for a park.
        let admissions = self.admissions
        if Spin.wait(Spin.consumerBudget, until: { admissions.current != seen }) {
            switch takeNext(generation: generation, touching: false) {
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

    private func takeNext(generation: Int, touching: Bool) -> Core.Next {
        // The finished job is taken out and dropped after unlocking: freeing its call (a generic deinit,
        // with metadata look-ups) inside the lock would hold up the next admission.
        let (next, statusWaiter, _): (Core.Next, UnsafeContinuation<Void, Never>?, Core.Job?) = core.withLock {
            core in
            let finished = core.current.take()
            return (core.next(for: generation), touching ? core.touch() : nil, finished)
        }
        statusWaiter?.resume()
        return next
    }

    func touchStatus() {
        core.withLock { $0.touch() }?.resume()
    }
}

/// Why an error other than the service's own ends an incarnation: nil when it is the stop's cancellation,
/// else the crash reason. Kept out of the generic request loop, which cross-module optimisation then
/// specialises for the caller's handler.
func crashReason(for error: any Error, service: String, kind: String) -> String? {
    if error is CancellationError, Task.isCancelled { return nil }
    return "\(service) crashed handling \(kind): \(error)"
}
