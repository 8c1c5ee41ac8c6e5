import MediaService
import ParleyContracts
import Synchronization

/// A player that makes no sound: it records what it was asked to play, and the test decides when a
/// sound ends by itself.
final class SilentPlayer: AudioPlayer {
    private let started = Mutex<[SilentSound]>([])

    func play(_ path: String) throws(MediaError) -> any PlayingSound {
        let sound = SilentSound(path: path)
        started.withLock { $0.append(sound) }
        return sound
    }

    var sounds: [SilentSound] { started.withLock { $0 } }
}

/// One silent sound: it ends when stopped or when the test calls `finish`.
final class SilentSound: PlayingSound {
    let path: String
    let playerName = "silent"
    private let state = Mutex<(exit: PlayerExit?, stopped: Bool, waiters: [CheckedContinuation<PlayerExit, Never>])>(
        (nil, false, []))

    init(path: String) { self.path = path }

    var wasStopped: Bool { state.withLock { $0.stopped } }

    func stop() {
        state.withLock { $0.stopped = true }
        end(.finished)
    }

    /// Ends the sound as if it had played to its end (or, with `.failed`, as if the player gave up).
    func end(_ exit: PlayerExit) {
        let waiters = state.withLock { state in
            guard state.exit == nil else { return [CheckedContinuation<PlayerExit, Never>]() }
            state.exit = exit
            defer { state.waiters.removeAll() }
            return state.waiters
        }
        for waiter in waiters { waiter.resume(returning: exit) }
    }

    func waitUntilEnded() async -> PlayerExit {
        await withCheckedContinuation { continuation in
            let exit = state.withLock { state in
                if state.exit == nil { state.waiters.append(continuation) }
                return state.exit
            }
            if let exit { continuation.resume(returning: exit) }
        }
    }
}
