import ParleyContracts
import ServiceRuntime
import Synchronization

/// Keeps the cached view up to date off the app's loop: the loop hands over its chat state (a copy-on-write
/// value, so handing it over costs next to nothing), and a background task writes the newest one it was
/// given at most once per `interval`, and only when what is kept would change. Never a write per message.
final class ClientCacheWriter: Sendable {
    private let pending: PendingView
    private let wake: AsyncStream<Void>.Continuation
    private let worker: Task<Void, Never>

    /// - Parameters:
    ///   - screens: where the user's last screen is kept for the next start's first frame, if anywhere.
    ///   - failed: told, with a sentence, when a write fails.
    init(
        cache: any ClientCache, screens: (any OpeningScreenStore)? = nil, interval: Duration = .seconds(1),
        failed: @escaping @Sendable (String) -> Void
    ) {
        let pending = PendingView(cache: cache, screens: screens)
        let (wakes, wake) = AsyncStream<Void>.makeStream(bufferingPolicy: .bufferingNewest(1))
        self.pending = pending
        self.wake = wake
        worker = Task(priority: .utility) {
            for await _ in wakes {
                if let problem = pending.write() { failed(problem) }
                // The alarm clock, not `Task.sleep`: a Dispatch timer wakes the Dispatch manager thread to arm and to fire.
                await AlarmClock.shared.sleep(until: .now + interval)
            }
        }
    }

    /// The chat state after a message; the rooms are kept once there are any (an empty list, before the
    /// welcome, must not replace what was kept). Only what is kept is held on to: holding the whole state
    /// would make the loop copy its pending messages at every change.
    func offer(_ chat: ChatState, user: String) {
        guard !chat.rooms.isEmpty else { return }
        pending.offer(
            PendingView.Offer(
                user: user, rooms: chat.rooms, currentRoom: chat.currentRoom, timelines: chat.timelines,
                screen: OpeningScreen(chat)))
        wake.yield()
    }

    /// Writes what is waiting now, on the caller's thread, and stops: at quit, so the last screen is kept.
    func flush() -> String? {
        wake.finish()
        worker.cancel()
        return pending.write()
    }
}

/// The newest chat state offered, and what was last written for each user.
private final class PendingView: Sendable {
    struct Offer {
        var user: String
        var rooms: [Room]
        var currentRoom: RoomID?
        var timelines: [RoomID: [ChatMessage]]
        var screen: OpeningScreen?
    }

    private let cache: any ClientCache
    private let screens: (any OpeningScreenStore)?
    private let latest = Mutex<Offer?>(nil)
    private let written = Mutex<[String: CachedView]>([:])
    /// The opening screen last written, so that an unchanged one is not written again.
    private let writtenScreen = Mutex<OpeningScreen?>(nil)

    init(cache: any ClientCache, screens: (any OpeningScreenStore)?) {
        self.cache = cache
        self.screens = screens
    }

    func offer(_ offer: Offer) {
        latest.withLock { $0 = offer }
    }

    /// Writes the newest offer if it changes what is kept; a sentence if the write failed. One write at a
    /// time, taken and saved under one lock: a flush at quit never lands before an older write still under way.
    func write() -> String? {
        written.withLock { written in
            guard let offer = latest.withLock({ $0.take() }) else { return nil }
            let screenProblem = offer.screen.flatMap(write)
            let view = CachedView(
                rooms: offer.rooms, currentRoom: offer.currentRoom,
                timelines: offer.timelines.mapValues { Array($0.suffix(CachedView.messagesPerRoom)) })
            guard written[offer.user] != view else { return screenProblem }
            do {
                try cache.save(view, user: offer.user)
                written[offer.user] = view
                return screenProblem
            } catch {
                return "cannot keep your rooms on disk for next time: \(error)"
            }
        }
    }

    /// Writes the opening screen if it changed; a sentence if the write failed.
    private func write(_ screen: OpeningScreen) -> String? {
        guard let screens else { return nil }
        return writtenScreen.withLock { written in
            guard written != screen else { return nil }
            do {
                try screens.save(screen)
                written = screen
                return nil
            } catch {
                return "cannot keep your last screen on disk for next time: \(error)"
            }
        }
    }
}
