import Foundation
import ParleyContracts

/// What the loop does on the clock: ticks for what is due, the debug panel's refresh while it is open, and the
/// cached view handed to its writer. Each is armed for when it is due rather than run on a period, so an idle
/// app sleeps until something happens.
extension AppLoop {
    /// The cached view is handed to its writer at most this often.
    static let cacheInterval: Duration = .seconds(1)

    /// After every batch: the next tick armed, the panel's refresh started or stopped with the panel, the
    /// cached view handed over if it is due.
    func scheduleTimers() {
        armTick()
        refreshPanelWhileOpen()
        offerCacheIfDue()
    }

    // MARK: - Ticks

    private func armTick() {
        guard requests != nil else { return }
        let now = Date()
        guard let due = nextTick(after: now, retryInterval: Self.seconds(tickInterval), in: state) else {
            tickAlarm.cancel()
            return
        }
        // Never further than a heartbeat away: a wall clock set back must not put the heartbeat off for long.
        let delay = min(max(0, due.timeIntervalSince(now)), Self.seconds(tickInterval) * 2)
        let sink = sink
        tickAlarm.arm(at: .now + .milliseconds(Int64(delay * 1_000))) { sink.yield(.tick(Date())) }
    }

    private static func seconds(_ duration: Duration) -> TimeInterval {
        TimeInterval(duration.components.seconds) + TimeInterval(duration.components.attoseconds) / 1e18
    }

    // MARK: - The debug panel

    /// While the debug panel is open, fresh snapshots of every service each second: a service's uptime and
    /// 10-second counts move with time, though its status stream publishes only when something happens.
    /// Closed, nothing runs.
    private func refreshPanelWhileOpen() {
        let isOpen = state.isDebugPanelOpen && !state.isQuitting
        if !isOpen {
            panelRefresh?.cancel()
            panelRefresh = nil
            return
        }
        guard panelRefresh == nil else { return }
        let (sink, services) = (sink, Array(controls.values))
        panelRefresh = Task {
            while !Task.isCancelled {
                try? await Task.sleep(for: .seconds(1))
                if Task.isCancelled { return }
                for service in services {
                    sink.yield(.serviceStatus(service.status))
                    sink.yield(.serviceTrace(service: service.service, entries: service.recentTrace))
                }
            }
        }
    }

    // MARK: - The rooms kept for next time

    /// Notes that the chat state may have changed in what the cache keeps (the rooms and their messages).
    /// Typed characters change only the input line; a service's status, its trace, a tick and a heartbeat's
    /// answer change none of it either, and handing the state over at each would wake the writer (and keep
    /// its pacing timer pending) at every heartbeat of an idle app.
    func keepCache(after message: AppMsg) {
        guard cacheWriter != nil, state.chat.session != nil else { return }
        switch message {
        case .input(.key(.character)), .input(.paste), .serviceStatus, .serviceTrace, .tick: return
        case .accountReplied(.heartbeat, _): return
        default: cacheIsStale = true
        }
    }

    /// Hands the chat state to the cache's writer, which writes it off the loop, at most once a `cacheInterval`;
    /// a change within the interval is handed over when it ends. Not at every message: the writer holding the
    /// timelines would make the loop's next change to each copy it whole.
    private func offerCacheIfDue() {
        guard cacheIsStale else { return }
        let now = ContinuousClock.now
        if let last = lastCacheOffer, now < last + Self.cacheInterval {
            let sink = sink
            cacheAlarm.arm(at: last + Self.cacheInterval) { sink.wake() }
            return
        }
        offerCache()
    }

    /// Hands the chat state over now: when due, and at quit before the last write.
    func offerCache() {
        cacheAlarm.cancel()
        guard cacheIsStale, let cacheWriter, let user = state.chat.session?.user else { return }
        cacheIsStale = false
        lastCacheOffer = .now
        cacheWriter.offer(state.chat, user: user)
    }

    func loadCache(of user: String) {
        guard let cache else { return }
        do {
            sink.yield(.cacheLoaded(user: user, view: try cache.view(of: user)))
        } catch {
            sink.yield(.problem("cannot read your rooms of last time: \(error)"))
        }
    }
}
