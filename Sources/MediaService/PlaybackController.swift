import ParleyContracts
import ServiceRuntime
import Synchronization

/// The one sound playing at a time: starts it, stops it, says where it is, and publishes its events.
///
/// State sits behind a lock because two parties change it: the handler (play, stop) and the watcher task
/// that learns when the sound ends by itself. Each playback gets a number, so a watcher whose sound was
/// already stopped or replaced stays quiet instead of announcing a second end.
final class PlaybackController: Sendable {
    private struct Current {
        let number: Int
        let playback: Playback
        let started: ContinuousClock.Instant
        let sound: any PlayingSound
    }

    private let player: any AudioPlayer
    private let positionInterval: Duration
    private let state = Mutex<(lastNumber: Int, current: Current?)>((0, nil))

    init(player: any AudioPlayer, positionInterval: Duration) {
        self.player = player
        self.positionInterval = positionInterval
    }

    func play(_ path: String, context: ServiceContext<MediaEvent, MediaRequest>) throws(MediaError) -> Playback {
        guard try FileCheck.size(of: path) > 0 else { throw .emptyFile(path: path) }
        let duration = AudioReader.duration(of: path) ?? SoundScanner.duration(of: path)
        stop(context: context)
        let sound = try player.play(path)
        let playback = Playback(path: path, player: sound.playerName, duration: duration)
        let number = state.withLock { state in
            state.lastNumber += 1
            state.current = Current(number: state.lastNumber, playback: playback, started: .now, sound: sound)
            return state.lastNumber
        }
        context.publish(.playbackStarted(playback))
        context.spawn { [self] in await watch(number, sound: sound, context: context) }
        return playback
    }

    /// Ends the current playback, if any, and says so.
    @discardableResult
    func stop(context: ServiceContext<MediaEvent, MediaRequest>) -> Playback? {
        guard let current = take(nil) else { return nil }
        current.sound.stop()
        context.publish(.playbackFinished(current.playback, stopped: true))
        return current.playback
    }

    /// Pauses or resumes the sound playing, if any.
    func setPaused(_ paused: Bool) { state.withLock { $0.current?.sound }?.setPaused(paused) }

    /// Ends the current playback without events: the service itself is going away.
    func stopSilently() { take(nil)?.sound.stop() }

    func position() -> PlaybackPosition? { state.withLock { $0.current.map(Self.position) } }

    // MARK: - Watching

    /// Publishes the position now and then until the sound ends, then how it ended. When the service's
    /// incarnation ends, this task is cancelled, and the sound is stopped with it rather than left playing.
    private func watch(_ number: Int, sound: any PlayingSound, context: ServiceContext<MediaEvent, MediaRequest>) async
    {
        await withTaskCancellationHandler {
            let ticker = Task { [self] in
                while (try? await Task.sleep(for: positionInterval)) != nil {
                    guard let position = position(of: number) else { return }
                    context.publish(.playbackPosition(position))
                }
            }
            let exit = await sound.waitUntilEnded()
            ticker.cancel()
            guard let ended = take(number) else { return }
            switch exit {
            case .finished: context.publish(.playbackFinished(ended.playback, stopped: false))
            case let .failed(reason): context.publish(.playbackFailed(ended.playback, reason: reason))
            }
        } onCancel: {
            sound.stop()
        }
    }

    /// Removes the current playback: any (`number` nil) or only the one with that number.
    private func take(_ number: Int?) -> Current? {
        state.withLock { state in
            guard let current = state.current, number == nil || current.number == number else { return nil }
            state.current = nil
            return current
        }
    }

    private func position(of number: Int) -> PlaybackPosition? {
        state.withLock { state in state.current.flatMap { $0.number == number ? Self.position($0) : nil } }
    }

    /// Time since the start, capped by the duration: players buffer, and a sound cannot be further along
    /// than its length.
    private static func position(_ current: Current) -> PlaybackPosition {
        let elapsed = ContinuousClock.now - current.started
        return PlaybackPosition(
            playback: current.playback, elapsed: current.playback.duration.map { min(elapsed, $0) } ?? elapsed)
    }
}
