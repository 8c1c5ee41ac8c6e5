import ParleyContracts

/// Plays sound files for the media service. The system player runs a program found on PATH; tests inject
/// a silent player they can observe.
public protocol AudioPlayer: Sendable {
    /// Starts playing the file at `path` and returns at once; the sound ends by itself or when stopped.
    func play(_ path: String) throws(MediaError) -> any PlayingSound
}

/// A sound that is playing, as its player started it.
public protocol PlayingSound: Sendable {
    /// The program playing it, as named in messages, e.g. `paplay`.
    var playerName: String { get }
    /// Ends playback; harmless when it has ended already.
    func stop()
    /// Returns once playback has ended, by itself or by `stop()`.
    func waitUntilEnded() async -> PlayerExit
    /// Holds the sound where it is, or lets it go on; players that cannot pause keep playing.
    func setPaused(_ paused: Bool)
}

extension PlayingSound {
    public func setPaused(_ paused: Bool) {}
}

/// How a playing sound ended.
public enum PlayerExit: Sendable, Equatable {
    case finished
    /// The player gave up; `reason` is one sentence.
    case failed(reason: String)
}
