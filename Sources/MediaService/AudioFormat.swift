import CSndfile

/// Names a libsndfile format the way a user reads it: `WAV, 16-bit PCM, 44.1 kHz, stereo`.
enum AudioFormat {
    static func describe(_ info: SF_INFO) -> String {
        let container = Int(info.format) & Int(SF_FORMAT_TYPEMASK)
        let encoding = Int(info.format) & Int(SF_FORMAT_SUBMASK)
        let parts = [
            containers[container] ?? "audio", encodings[encoding], rate(Int(info.samplerate)),
            channels(Int(info.channels)),
        ]
        return parts.compactMap { $0 }.joined(separator: ", ")
    }

    private static let containers: [Int: String] = [
        Int(SF_FORMAT_WAV): "WAV", Int(SF_FORMAT_WAVEX): "WAV", Int(SF_FORMAT_RF64): "WAV (RF64)",
        Int(SF_FORMAT_W64): "Wave64", Int(SF_FORMAT_FLAC): "FLAC", Int(SF_FORMAT_OGG): "Ogg",
        Int(SF_FORMAT_AIFF): "AIFF", Int(SF_FORMAT_AU): "AU", Int(SF_FORMAT_CAF): "CAF",
        Int(SF_FORMAT_MPEG): "MPEG audio",
    ]

    private static let encodings: [Int: String] = [
        Int(SF_FORMAT_PCM_S8): "8-bit PCM", Int(SF_FORMAT_PCM_U8): "8-bit PCM", Int(SF_FORMAT_PCM_16): "16-bit PCM",
        Int(SF_FORMAT_PCM_24): "24-bit PCM", Int(SF_FORMAT_PCM_32): "32-bit PCM",
        Int(SF_FORMAT_FLOAT): "32-bit float", Int(SF_FORMAT_DOUBLE): "64-bit float",
        Int(SF_FORMAT_ULAW): "µ-law", Int(SF_FORMAT_ALAW): "A-law", Int(SF_FORMAT_IMA_ADPCM): "IMA ADPCM",
        Int(SF_FORMAT_MS_ADPCM): "MS ADPCM", Int(SF_FORMAT_VORBIS): "Vorbis", Int(SF_FORMAT_OPUS): "Opus",
    ]

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
