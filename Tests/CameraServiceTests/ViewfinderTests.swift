import CameraService
import Foundation
import ParleyContracts
import ParleyTestKit
import Synchronization
import Testing

@Suite(.timeLimit(.minutes(3)))
struct ViewfinderTests {
    @Test func openingPublishesFramesDrawnWithinTheBox() async throws {
        let camera = await CameraTestHost()
        defer { camera.finish() }
        let events = camera.host.events()

        // When the viewfinder opens on the test pattern
        let info = try await camera.open(width: 40, height: 12)

        // Then the capture is described as the device delivers it
        #expect(info.device == CameraTestHost.testPattern)
        #expect(info.width == 640 && info.height == 480)
        #expect(!info.format.isEmpty)
        #expect(camera.counters.openCaptures == 1)

        // And frames come, numbered in order, each drawn in cells within the box
        let third = await firstElement(of: events, within: .seconds(60)) { event in
            if case let .frame(frame) = event { return frame.number >= 3 }
            return false
        }
        guard case let .frame(frame)? = third else {
            Issue.record("no third frame came")
            return
        }
        #expect(!frame.rows.isEmpty && frame.rows.count <= 12)
        #expect(frame.rows.allSatisfy { !$0.isEmpty && $0.count <= 40 && $0.count == frame.rows[0].count })
        #expect(frame.rows.joined().contains { $0.background != .default || $0.foreground != .default })
    }

    @Test func statsCountTheFramesCapturedEachSecond() async throws {
        let camera = await CameraTestHost()
        defer { camera.finish() }
        let events = camera.host.events()
        let info = try await camera.open()

        let stats = await firstElement(of: events, within: .seconds(60)) { if case .stats = $0 { true } else { false } }
        guard case let .stats(stats)? = stats else {
            Issue.record("no stats came")
            return
        }
        #expect(stats.info == info)
        #expect(stats.capturedPerSecond > 0)
    }

    @Test func closingReleasesTheDeviceAndEndsTheFrames() async throws {
        let camera = await CameraTestHost()
        defer { camera.finish() }
        _ = try await camera.open()

        #expect(try await camera.host.request(.close) == .closed)

        // The device is released by the time close answers
        #expect(camera.counters.openCaptures == 0)
        #expect(await camera.refusal(.takeStill) == .notCapturing)
        // And closing again is harmless
        #expect(try await camera.host.request(.close) == .closed)
    }

    @Test func openingAgainReplacesTheCapture() async throws {
        let camera = await CameraTestHost()
        defer { camera.finish() }
        _ = try await camera.open()
        _ = try await camera.open(width: 20, height: 6)
        #expect(camera.counters.openCaptures == 1)
    }

    @Test func resizingChangesTheBoxOfLaterFrames() async throws {
        let camera = await CameraTestHost()
        defer { camera.finish() }
        let events = camera.host.events()
        _ = try await camera.open(width: 60, height: 20)

        #expect(try await camera.host.request(.resize(width: 12, height: 4)) == .resized)

        let small = await firstElement(of: events, within: .seconds(60)) { event in
            if case let .frame(frame) = event { return frame.rows.count <= 4 && frame.rows[0].count <= 12 }
            return false
        }
        #expect(small != nil)
    }

    @Test func aStreamEndingMidwayEndsTheCaptureWithOneSentence() async throws {
        // A graph half a second long: the capture sees its frames stop, as when a camera is unplugged.
        let device = "lavfi:testsrc2=size=320x240:rate=30:duration=0.5"
        let camera = await CameraTestHost(device: device)
        defer { camera.finish() }
        let events = camera.host.events()
        _ = try await camera.open()

        let ended = await firstElement(of: events, within: .seconds(60)) { if case .ended = $0 { true } else { false } }
        #expect(ended == .ended(.gone(device: device)))
        #expect(await eventually(timeout: .seconds(60)) { camera.counters.openCaptures == 0 })
        #expect(
            CameraError.gone(device: device).description
                == "the camera at \(device) stopped delivering frames (unplugged?); the viewfinder is closed")
    }
}
