import CameraService
import Foundation
import ParleyContracts
import ParleyTestKit
import Testing

/// Every failure that can be made without camera hardware: each is one sentence, and leaves nothing open.
@Suite(.timeLimit(.minutes(3)))
struct DeviceFailureTests {
    @Test func noDeviceAtThePath() async {
        let camera = await CameraTestHost(device: "/dev/video-parley-absent")
        defer { camera.finish() }
        let refusal = await camera.refusal(.open(width: 40, height: 12, palette: .truecolor))
        #expect(refusal == .noCamera(device: "/dev/video-parley-absent"))
        #expect(refusal?.description == "no camera at /dev/video-parley-absent; set camera.device in config.toml")
        #expect(camera.counters.openCaptures == 0)
    }

    @Test func aRegularFileIsNotACaptureDevice() async throws {
        let directory = TemporaryDirectory("not-a-camera")
        defer { directory.remove() }
        let path = directory.file("video0").path
        try Data("not a camera".utf8).write(to: URL(fileURLWithPath: path))
        let camera = await CameraTestHost(device: path)
        defer { camera.finish() }
        #expect(
            await camera.refusal(.open(width: 40, height: 12, palette: .truecolor)) == .notCaptureDevice(device: path))
    }

    @Test func aCharacterDeviceThatIsNoCameraIsNotACaptureDevice() async {
        let camera = await CameraTestHost(device: "/dev/null")
        defer { camera.finish() }
        let refusal = await camera.refusal(.open(width: 40, height: 12, palette: .truecolor))
        #expect(refusal == .notCaptureDevice(device: "/dev/null"))
        #expect(refusal?.description == "/dev/null is not a capture device; /camera list shows the cameras found")
        #expect(camera.counters.openCaptures == 0)
    }

    @Test func aBrokenGraphCannotBeOpened() async {
        let camera = await CameraTestHost(device: "lavfi:no-such-filter=1")
        defer { camera.finish() }
        let refusal = await camera.refusal(.open(width: 40, height: 12, palette: .truecolor))
        guard case let .cannotOpen(device, reason)? = refusal else {
            Issue.record("expected cannotOpen, got \(String(describing: refusal))")
            return
        }
        #expect(device == "lavfi:no-such-filter=1" && !reason.isEmpty)
        #expect(camera.counters.openCaptures == 0)
    }

    @Test func framesOverThePixelLimitAreRefusedBeforeDecoding() async {
        let device = "lavfi:testsrc2=size=2000x2000:rate=5"
        let camera = await CameraTestHost(device: device, limits: CameraLimits(maxPixels: 1_000_000))
        defer { camera.finish() }
        let refusal = await camera.refusal(.open(width: 40, height: 12, palette: .truecolor))
        #expect(refusal == .tooLarge(device: device, width: 2000, height: 2000, limit: 1_000_000))
        #expect(camera.counters.openCaptures == 0)
    }

    @Test(arguments: [(0, 10), (10, 0), (1001, 10)])
    func impossibleBoxesAreRefused(width: Int, height: Int) async {
        let camera = await CameraTestHost()
        defer { camera.finish() }
        #expect(
            await camera.refusal(.open(width: width, height: height, palette: .truecolor))
                == .invalidBox(width: width, height: height, limit: 1000))
    }

    @Test func listedDevicesAreVideoNodes() async throws {
        let camera = await CameraTestHost()
        defer { camera.finish() }
        guard case let .devices(devices) = try await camera.host.request(.listDevices) else {
            Issue.record("expected a device list")
            return
        }
        // This machine may have cameras or none; whatever is listed is a capture node with a name.
        #expect(devices.allSatisfy { $0.path.hasPrefix("/dev/video") && !$0.name.isEmpty })
    }
}
