import CMediaCodecs

/// Names a libsndfile format the way a user reads it: `WAV, 16-bit PCM, 44.1 kHz, stereo`.
enum AudioFormat {
    /// The container and encoding as the media plugin names them; an unnamed container is `audio`.
    static func describe(_ info: parley_sound_info) -> String {
        let parts = [
            info.container.map { String(cString: $0) } ?? "audio", info.encoding.map { String(cString: $0) },
            rate(Int(info.sample_rate)), channels(Int(info.channels)),
        ]
        return parts.compactMap { $0 }.joined(separator: ", ")
    }

    /// `44.1 kHz`, `48 kHz`, `8 kHz`; odd rates in Hz.
    static func rate(_ hertz: Int) -> String {
        if hertz % 1000 == 0 { return "\(hertz / 1000) kHz" }
        if hertz % 100 == 0 { return "\(hertz / 1000).\(hertz % 1000 / 100) kHz" }
        return "\(hertz) Hz"
    }

    static func channels(_ count: Int) -> String {
        switch count {
        case 1: "mono"
        case 2: "stereo"
        default: "\(count) channels"
        }
    }
}
