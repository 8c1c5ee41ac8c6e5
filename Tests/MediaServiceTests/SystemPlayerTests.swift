import Foundation
import MediaService
import ParleyContracts
import ParleyTestKit
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// The system player runs a real child process. Here the "players" are shell scripts on a private search
/// path, so no sound card is needed and the test can see the process come and go.
@Suite(.timeLimit(.minutes(1)))
struct SystemPlayerTests {
    let bin = TemporaryDirectory("players")

    /// Installs an executable script named `name` in the private search path.
    func install(_ name: String, _ body: String) throws {
        let url = bin.file(name)
        try "#!/bin/sh\n\(body)\n".write(to: url, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: url.path)
    }

    @Test func stoppingEndsThePlayerProcess() async throws {
        defer { bin.remove() }
        let pidFile = bin.file("pid").path
        try install("paplay", "echo $$ > '\(pidFile)'\nexec sleep 30")
        let media = await MediaTestHost(player: SystemAudioPlayer(searchPath: [bin.path]))
        defer { media.finish() }
        try TestSounds.writeWAV(media.file("tone.wav"), sampleRate: 8000, samples: [0, 0])

        guard case let .playing(playback) = try await media.host.request(.play(path: media.file("tone.wav").path))
        else {
            Issue.record("expected playback to start")
            return
        }
        #expect(playback.player == "paplay")
        #expect(await eventually { FileManager.default.contents(atPath: pidFile)?.isEmpty == false })
        let pid = try #require(
            Int32(
                String(decoding: FileManager.default.contents(atPath: pidFile)!, as: UTF8.self).trimmingCharacters(
                    in: .whitespacesAndNewlines)))
        #expect(kill(pid, 0) == 0)

        _ = try await media.host.request(.stop)

        #expect(await eventually { kill(pid, 0) != 0 })
    }

    @Test func playersAreTriedInOrder() async throws {
        defer { bin.remove() }
        try install("mpv", "exec sleep 30")
        try install("aplay", "exec sleep 30")
        let media = await MediaTestHost(player: SystemAudioPlayer(searchPath: [bin.path]))
        defer { media.finish() }
        try TestSounds.writeWAV(media.file("tone.wav"), sampleRate: 8000, samples: [0, 0])

        let reply = try await media.host.request(.play(path: media.file("tone.wav").path))
        _ = try await media.host.request(.stop)

        guard case let .playing(playback) = reply else { throw UnexpectedReply(reply) }
        #expect(playback.player == "aplay")
    }

    @Test func aPlayerThatGivesUpIsReported() async throws {
        defer { bin.remove() }
        try install("ffplay", "exit 3")
        let media = await MediaTestHost(player: SystemAudioPlayer(searchPath: [bin.path]))
        defer { media.finish() }
        try TestSounds.writeWAV(media.file("tone.wav"), sampleRate: 8000, samples: [0, 0])
        let events = media.host.events()

        _ = try await media.host.request(.play(path: media.file("tone.wav").path))

        let failed = await firstElement(of: events) { if case .playbackFailed = $0 { true } else { false } }
        guard case let .playbackFailed(playback, reason)? = failed else {
            Issue.record("expected a failure event, got \(String(describing: failed))")
            return
        }
        #expect(playback.player == "ffplay" && reason == "ffplay stopped with status 3")
    }
}
