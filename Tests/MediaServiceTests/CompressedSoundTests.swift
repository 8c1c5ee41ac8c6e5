import Foundation
import MediaService
import ParleyContracts
import ParleyTestKit
import Testing

/// MP3, AAC in M4A, and Opus get what WAV gets: duration, format, a waveform, and playback.
@Suite(.timeLimit(.minutes(3)))
struct CompressedSoundTests {
    @Test(arguments: [
        // libsndfile reads MP3 itself, and names it as it names its other formats
        ("tone.mp3", "libmp3lame", 44_100, "MPEG audio"),
        ("tone.m4a", "aac", 44_100, "AAC"),
        ("tone.opus", "libopus", 48_000, "Opus"),
    ])
    func aCompressedSoundHasItsDurationFormatAndWaveform(name: String, codec: String, rate: Int, format: String)
        async throws
    {
        let media = await MediaTestHost()
        defer { media.finish() }
        try TestMedia.writeSound(media.file(name), codec: codec, sampleRate: rate, seconds: 1)

        let reply = try await media.host.request(.describeAudio(path: media.file(name).path, width: 16))
        guard case let .audio(audio) = reply else {
            Issue.record("expected audio info, got \(reply)")
            return
        }
        let seconds = audio.duration / .seconds(1)
        #expect(seconds > 0.9 && seconds < 1.2)
        #expect(audio.format.contains(format) && audio.format.contains("stereo"))
        #expect(audio.channels == 2)
        #expect(audio.waveform.count == 16)
        // The tone rises from silence: the waveform starts low and ends high
        let blocks: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]
        let levels = audio.waveform.map { blocks.firstIndex(of: $0) ?? -1 }
        #expect(try #require(levels.first) < 3 && levels.last! > 4)
    }

    @Test func aCompressedSoundPlaysWithItsDuration() async throws {
        let player = SilentPlayer()
        let media = await MediaTestHost(player: player)
        defer { media.finish() }
        try TestMedia.writeSound(media.file("tone.m4a"), codec: "aac", sampleRate: 44_100, seconds: 1)
        let path = media.file("tone.m4a").path

        guard case let .playing(playback) = try await media.host.request(.play(path: path)) else {
            Issue.record("expected playback")
            return
        }
        let seconds = try #require(playback.duration) / .seconds(1)
        #expect(seconds > 0.9 && seconds < 1.2)
        #expect(player.sounds.map(\.path) == [path])
    }

    @Test func aWAVHeaderClaimingYearsGetsTheLengthOfWhatIsThere() async throws {
        let media = await MediaTestHost()
        defer { media.finish() }
        // 8-bit mono at 1 Hz with a data chunk claiming 4 GB (over a hundred years), holding 64 samples.
        var header =
            Array("RIFF".utf8) + [0xFF, 0xFF, 0xFF, 0xFF] + Array("WAVEfmt ".utf8) + [16, 0, 0, 0, 1, 0, 1, 0]
        header += [1, 0, 0, 0, 1, 0, 0, 0, 1, 0, 8, 0] + Array("data".utf8) + [0xF0, 0xFF, 0xFF, 0xFF]
        let path = try media.write("years.wav", header + [UInt8](repeating: 128, count: 64))
        guard case let .audio(audio) = try await media.host.request(.describeAudio(path: path, width: 16)) else {
            Issue.record("expected audio info")
            return
        }
        #expect(audio.duration == .seconds(64))
    }
}
