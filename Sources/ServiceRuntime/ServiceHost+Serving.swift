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
    ///
    /// Each turn reads the lifecycle word (shared by both cores and written only on a change, so reading
    /// it costs nothing while traffic flows) and takes the next job; the lock is only taken when the word
    /// says something other than "running, this incarnation": a stop, a crash, or faults to apply.
    func serveRequests(generation: Int, handler: inout Handler, context: Context) async -> Exit {
        let running = LifecycleWord.encode(generation: generation, state: .running)
        while true {
            let word = lifecycle.current
            var faults = FaultInjection.none
            if word != running {
                guard LifecycleWord.admission(of: word) == running else { break }
                if word & LifecycleWord.crashPending != 0, let reason = core.withLock({ $0.crashReason }) {
                    return .crashed(reason: reason)
                }
                // Faults are read afresh for every job while any are set: they cost far more than the lock.
                if word & LifecycleWord.faultsActive != 0 { faults = core.withLock { $0.faults } }
            }
            switch mailbox.take(for: generation) {
            case .superseded:
                break
            case .empty:
                await waitForWork(seen: word)
                continue
            case let .element(job, position):
                guard job.isAdmitted(by: generation) else {
                    drop(job)
                    continue
                }
                // A caller that already gave up (the sweeper timed it out) is skipped. Only the check is
                // skipped for the others: reading the call's line before completing it would move it
                // between the cores twice.
                if lifecycle.mayBeAbandoned(position), job.call.isDone { continue }
                if let exit = await handle(job, faults: faults, with: &handler, context: context) { return exit }
                statusSignal.raise()
                continue
            }
            break
        }
        await handler.shutdown()
        return .stopped
    }

    /// Handles one job and replies to its caller; returns an exit only when the handler broke or was stopped.
    private func handle(
        _ job: Core.Job, faults: FaultInjection, with handler: inout Handler, context: Context
    ) async -> Exit? {
        if faults.isActive, await faults.delayThenDrawFailure() {
            reply(to: job, .failure(.injectedFault(service: name)))
            return nil
        }
        if let work = handler.detachedWork(for: job.request, context: context) {
            answerDetached(job, with: work, context: context)
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

    /// Answers `job` from a task of the incarnation's own, so the request loop goes on to the next jobs.
    /// Kept out of the generic request loop, like `crashReason`, so that the loop stays small.
    private func answerDetached(
        _ job: Core.Job, with work: @escaping @Sendable () async throws -> Reply, context: Context
    ) {
        context.spawn { [self] in
            do {
                reply(to: job, .success(try await work()))
            } catch let failure as Failure {
                reply(to: job, .failure(.failed(failure)))
            }
        }
    }

    /// Resumes the caller, then counts the outcome, so that the caller never waits for the counting. A reply
    /// that lost to the deadline sweeper is dropped here: the sweeper counted the timeout.
    private func reply(to job: Core.Job, _ outcome: Core.Call.Outcome) {
        counting.counting {
            guard job.call.complete(outcome) else { return }
            let now = ContinuousClock.now
            switch outcome {
            case .success: record(job.request.kind, caller: job.caller, outcome: .ok, admitted: job.admitted, at: now)
            case let .failure(error):
                record(
                    job.request.kind, caller: job.caller, outcome: .error, admitted: job.admitted, at: now,
                    error: error.description)
            }
        }
    }

    /// A job admitted by an incarnation that has ended: its caller was told at the stop (or told itself).
    private func drop(_ job: Core.Job) {
        job.call.complete(.failure(.unavailable(service: name, state: .stopped)))
    }

    /// Empties the mailbox of incarnation `generation` once its consumer has ended, failing what it held.
    func drainMailbox(generation: Int, state: ServiceState) {
        while case let .element(job, _) = mailbox.take(for: generation) {
            job.call.complete(.failure(.unavailable(service: name, state: state)))
        }
    }

    /// Waits for a job or a lifecycle change: polls briefly (traffic usually keeps coming, and a park and a
    /// wake cost microseconds), then parks until a caller or a lifecycle change wakes the consumer.
    private func waitForWork(seen word: Int) async {
        let mailbox = self.mailbox
        let lifecycle = self.lifecycle
        if Spin.wait(Spin.consumerBudget, until: { mailbox.hasElement || lifecycle.current != word }) { return }
        await mailbox.park { mailbox.hasElement || lifecycle.current != word }
    }

    func touchStatus() {
        statusSignal.raise()
    }
}

/// Why an error other than the service's own ends an incarnation: nil when it is the stop's cancellation,
/// else the crash reason. Kept out of the generic request loop, which cross-module optimisation then
/// specialises for the caller's handler.
func crashReason(for error: any Error, service: String, kind: String) -> String? {
    if error is CancellationError, Task.isCancelled { return nil }
    return "\(service) crashed handling \(kind): \(error)"
}
