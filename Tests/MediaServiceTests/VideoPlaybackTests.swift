import Foundation
import MediaService
import ParleyContracts
import ParleyTestKit
import Synchronization
import Testing

@Suite(.timeLimit(.minutes(3)))
struct VideoPlaybackTests {
    @Test func aVideoPlaysFrameByFrameToItsEnd() async throws {
        let media = await MediaTestHost()
        defer { media.finish() }
        try TestMedia.writeVideo(media.file("clip.mkv"), codec: "mpeg4", frames: 10, rate: 25)
        let events = media.host.events()
        let positions = Mutex<[Duration]>([])
        let watching = Task { () -> MediaEvent? in
            for await event in events {
                if case let .videoFrame(frame) = event { positions.withLock { $0.append(frame.position) } }
                if case .videoFinished = event { return event }
            }
            return nil
        }

        let reply = try await media.host.request(
            .playVideo(path: media.file("clip.mkv").path, width: 30, height: 10, palette: .colors256))
        guard case let .playingVideo(summary) = reply else {
            Issue.record("expected a playing video, got \(reply)")
            return
        }
        #expect(summary.width == 320 && summary.videoCodec == "MPEG-4")

        // It plays to its end by itself, each frame later than the one before
        #expect(await watching.value == .videoFinished(stopped: false, failure: nil))
        let seen = positions.withLock { $0 }
        #expect(!seen.isEmpty && seen.count <= 10)
        #expect(zip(seen, seen.dropFirst()).allSatisfy { $0 < $1 })
        #expect(try #require(seen.last) <= .milliseconds(400))
        #expect(try await media.host.request(.togglePause) == .paused(nil))
    }

    @Test func spaceCanPauseAndResumeAndStopEndsIt() async throws {
        let player = SilentPlayer()
        let media = await MediaTestHost(player: player)
        defer { media.finish() }
        // Two minutes with sound, so it is still playing while the test pauses and stops it, however slow the
        // machine
        try TestMedia.writeVideo(
            media.file("long.mp4"), codec: "mpeg4", width: 32, height: 24, frames: 120, rate: 1, audioCodec: "aac")
        let events = media.host.events()
        let path = media.file("long.mp4").path

        _ = try await media.host.request(.playVideo(path: path, width: 30, height: 10, palette: .colors256))
        // Its sound goes to the system player
        #expect(player.sounds.map(\.path) == [path])
        #expect(try await media.host.request(.togglePause) == .paused(true))
        #expect(try await media.host.request(.togglePause) == .paused(false))

        _ = try await media.host.request(.stop)
        let finished = await firstElement(of: events, within: .seconds(60)) {
            if case .videoFinished = $0 { true } else { false }
        }
        #expect(finished == .videoFinished(stopped: true, failure: nil))
        #expect(player.sounds.first?.wasStopped == true)
    }

    @Test func aBrokenVideoIsOneSentence() async throws {
        let media = await MediaTestHost()
        defer { media.finish() }
        let path = try media.write("broken.webm", [0x1A, 0x45, 0xDF, 0xA3] + [UInt8](repeating: 7, count: 100))
        let refusal = await media.refusal(.playVideo(path: path, width: 30, height: 10, palette: .colors256))
        guard case .unsupportedVideo(path, _)? = refusal else {
            Issue.record("expected unsupported video, got \(String(describing: refusal))")
            return
        }
    }
}
