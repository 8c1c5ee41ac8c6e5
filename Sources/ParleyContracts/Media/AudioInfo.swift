/// What a sound file holds, for a line under its attachment.
public struct AudioInfo: Sendable, Hashable {
    public var duration: Duration
    /// A short human description, e.g. `WAV, 16-bit PCM, 44.1 kHz, stereo`.
    public var format: String
    public var sampleRate: Int
    public var channels: Int
    /// One line of block characters (`▁` to `█`), one per column, each the loudest peak in its stretch.
    public var waveform: String

    public init(duration: Duration, format: String, sampleRate: Int, channels: Int, waveform: String) {
        self.duration = duration
        self.format = format
        self.sampleRate = sampleRate
        self.channels = channels
        self.waveform = waveform
    }
}
