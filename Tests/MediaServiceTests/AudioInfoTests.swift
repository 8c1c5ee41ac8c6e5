import Foundation
import MediaService
import ParleyContracts
import ParleyTestKit
import Testing

@Suite(.timeLimit(.minutes(1)))
struct AudioInfoTests {
    @Test func wavGivesDurationFormatAndWaveform() async throws {
        let media = await MediaTestHost()
        defer { media.finish() }
        // Given one second at 8 kHz: half silence, half full scale
        let path = media.file("tone.wav").path
        try TestSounds.writeWAV(
            media.file("tone.wav"), sampleRate: 8000, samples: TestSounds.halfSilentHalfLoud(frames: 8000))

        let reply = try await media.host.request(.describeAudio(path: path, width: 10))

        guard case let .audio(info) = reply else { throw UnexpectedReply(reply) }
        #expect(info.duration == .seconds(1))
        #expect(info.format == "WAV, 16-bit PCM, 8 kHz, mono")
        #expect(info.sampleRate == 8000 && info.channels == 1)
        #expect(info.waveform == "▁▁▁▁▁█████")
    }

    @Test(arguments: [
        ("tone.flac", TestSounds.flac, "FLAC, 16-bit PCM, 44.1 kHz, mono"),
        ("tone.ogg", TestSounds.oggVorbis, "Ogg, Vorbis, 44.1 kHz, mono"),
    ])
    func flacAndOggAreDescribed(name: String, format: Int32, description: String) async throws {
        let media = await MediaTestHost()
        defer { media.finish() }
        // Given half a second of a quiet sine wave
        let samples = (0..<22_050).map { Float(sin(Double($0) * 0.05) * 0.3) }
        TestSounds.write(media.file(name), format: format, sampleRate: 44_100, samples: samples)

        let reply = try await media.host.request(.describeAudio(path: media.file(name).path, width: 40))

        guard case let .audio(info) = reply else { throw UnexpectedReply(reply) }
        #expect(info.format == description)
        #expect(abs((info.duration - .milliseconds(500)) / .milliseconds(1)) < 5)
        #expect(info.waveform.count == 40)
        // 0.3 of full scale is the third eighth: no column silent, none loud
        #expect(info.waveform.allSatisfy { $0 == "▂" || $0 == "▃" }, "\(info.waveform)")
    }

    @Test func aWaveformIsAsWideAsAskedEvenForFewFrames() async throws {
        let media = await MediaTestHost()
        defer { media.finish() }
        try TestSounds.writeWAV(media.file("short.wav"), sampleRate: 8000, samples: [Int16.max, 0, Int16.max])

        let reply = try await media.host.request(.describeAudio(path: media.file("short.wav").path, width: 12))

        guard case let .audio(info) = reply else { throw UnexpectedReply(reply) }
        #expect(info.waveform.count == 12)
        #expect(info.waveform.first == "█")
    }

    @Test func nonAudioAndEmptyFilesAreRefused() async throws {
        let media = await MediaTestHost()
        defer { media.finish() }
        let text = try media.write("notes.wav", Array("these are notes, not sound\n".utf8))
        let empty = try media.write("empty.flac", [])

        let textError = await media.refusal(.describeAudio(path: text, width: 10))
        guard case .unsupportedAudio(text, _)? = textError else {
            Issue.record("expected unsupported audio, got \(String(describing: textError))")
            return
        }
        #expect(textError?.description.hasPrefix("\(text) is not a sound that can be read") == true)
        #expect(await media.refusal(.describeAudio(path: empty, width: 10)) == .emptyFile(path: empty))
        #expect(await media.refusal(.describeAudio(path: text, width: 0)) == .invalidWaveformWidth(0, limit: 1000))
    }
}

struct UnexpectedReply: Error, CustomStringConvertible {
    let reply: MediaReply
    init(_ reply: MediaReply) { self.reply = reply }
    var description: String { "unexpected reply \(reply)" }
}
