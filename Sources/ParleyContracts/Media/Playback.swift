/// One sound being played.
public struct Playback: Sendable, Hashable {
    public var path: String
    /// The program playing it, e.g. `paplay`.
    public var player: String
    /// Known for the formats the service can read (WAV, FLAC, Ogg); nil otherwise.
    public var duration: Duration?

    public init(path: String, player: String, duration: Duration?) {
        self.path = path
        self.player = player
        self.duration = duration
    }
}

/// How far a playback has got: time since it started, never past the sound's duration.
public struct PlaybackPosition: Sendable, Hashable {
    public var playback: Playback
    public var elapsed: Duration

    public init(playback: Playback, elapsed: Duration) {
        self.playback = playback
        self.elapsed = elapsed
    }
}
