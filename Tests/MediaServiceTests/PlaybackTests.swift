import Foundation
import MediaService
import ParleyContracts
import ParleyTestKit
import Testing

@Suite(.timeLimit(.minutes(1)))
struct PlaybackTests {
    @Test func playPositionAndStopWithTheSilentPlayer() async throws {
        let player = SilentPlayer()
        let media = await MediaTestHost(player: player)
        defer { media.finish() }
        let path = media.file("tone.wav").path
        try TestSounds.writeWAV(media.file("tone.wav"), sampleRate: 8000, samples: .init(repeating: 0, count: 16_000))
        let events = media.host.events()
        let playback = Playback(path: path, player: "silent", duration: .seconds(2))

        // When the sound is played
        #expect(try await media.host.request(.play(path: path)) == .playing(playback))
        #expect(await firstElement(of: events) { $0 == .playbackStarted(playback) } != nil)
        #expect(player.sounds.map(\.path) == [path])

        // Then its position is known and within its length
        guard case let .position(position?) = try await media.host.request(.playbackPosition) else {
            Issue.record("expected a position while playing")
            return
        }
        #expect(position.playback == playback && position.elapsed >= .zero && position.elapsed <= .seconds(2))

        // And stopping ends the player's sound and says so
        #expect(try await media.host.request(.stop) == .stopped(playback))
        #expect(player.sounds.first?.wasStopped == true)
        #expect(await firstElement(of: events) { $0 == .playbackFinished(playback, stopped: true) } != nil)
        #expect(try await media.host.request(.playbackPosition) == .position(nil))
        #expect(try await media.host.request(.stop) == .stopped(nil))
    }

    @Test func aSoundThatEndsByItselfIsReportedFinished() async throws {
        let player = SilentPlayer()
        let media = await MediaTestHost(player: player)
        defer { media.finish() }
        let path = try media.write("notes.txt", Array("not a sound, but a player may try\n".utf8))
        let events = media.host.events()
        _ = try await media.host.request(.play(path: path))
        let playback = Playback(path: path, player: "silent", duration: nil)

        try #require(player.sounds.first).end(.finished)

        #expect(await firstElement(of: events) { $0 == .playbackFinished(playback, stopped: false) } != nil)
        #expect(try await media.host.request(.playbackPosition) == .position(nil))
    }

    @Test func positionEventsComeWhilePlayingAndStopAtTheDuration() async throws {
        let media = await MediaTestHost(limits: MediaLimits(positionInterval: .milliseconds(10)))
        defer { media.finish() }
        // Given a sound of 50 ms that the silent player never ends
        let path = media.file("blip.wav").path
        try TestSounds.writeWAV(media.file("blip.wav"), sampleRate: 8000, samples: .init(repeating: 0, count: 400))
        let events = media.host.events()

        _ = try await media.host.request(.play(path: path))

        let capped = await firstElement(of: events) { event in
            if case let .playbackPosition(position) = event { position.elapsed == .milliseconds(50) } else { false }
        }
        #expect(capped != nil)
    }

    @Test func playingAgainStopsTheFirstSound() async throws {
        let player = SilentPlayer()
        let media = await MediaTestHost(player: player)
        defer { media.finish() }
        let first = try media.write("one.txt", Array("one".utf8))
        let second = try media.write("two.txt", Array("two".utf8))

        _ = try await media.host.request(.play(path: first))
        _ = try await media.host.request(.play(path: second))

        #expect(player.sounds.map(\.wasStopped) == [true, false])
        guard case let .position(position?) = try await media.host.request(.playbackPosition) else {
            Issue.record("expected the second sound to be playing")
            return
        }
        #expect(position.playback.path == second)
    }

    @Test func withNoPlayerOnThePathPlayingSaysSo() async throws {
        let emptyDirectory = TemporaryDirectory("no-players")
        defer { emptyDirectory.remove() }
        let media = await MediaTestHost(player: SystemAudioPlayer(searchPath: [emptyDirectory.path]))
        defer { media.finish() }
        let path = media.file("tone.wav").path
        try TestSounds.writeWAV(media.file("tone.wav"), sampleRate: 8000, samples: [0, 0])

        let error = await media.refusal(.play(path: path))

        #expect(error == .noPlayer)
        #expect(error?.description == "no audio player found: install paplay, aplay, ffplay or mpv to play sounds")
    }

    @Test func aMissingFileIsNotHandedToThePlayer() async throws {
        let player = SilentPlayer()
        let media = await MediaTestHost(player: player)
        defer { media.finish() }
        let missing = media.file("gone.wav").path

        #expect(await media.refusal(.play(path: missing)) == .missing(path: missing))
        #expect(player.sounds.isEmpty)
    }
}
