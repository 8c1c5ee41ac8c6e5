import CMediaCodecs
import CameraService
import Foundation
import ParleyContracts
import ParleyTestKit
import Testing

@Suite(.timeLimit(.minutes(3)))
struct StillTests {
    @Test func aStillIsAPrivateJPEGOfTheWholeFrame() async throws {
        let camera = await CameraTestHost()
        defer { camera.finish() }
        _ = try await camera.open()

        // When a still is taken
        guard case let .still(still) = try await camera.host.request(.takeStill) else {
            Issue.record("expected a still")
            return
        }

        // Then it is a JPEG file of the frame's full size, in the data directory, readable only by its owner
        #expect(still.width == 640 && still.height == 480)
        #expect(still.path.hasPrefix(camera.directory.dataDirectory.path + "/camera/photo-"))
        #expect(still.path.hasSuffix(".jpg"))
        let bytes = try Data(contentsOf: URL(fileURLWithPath: still.path))
        #expect(bytes.count == still.size)
        #expect(Array(bytes.prefix(3)) == [0xFF, 0xD8, 0xFF])
        let attributes = try FileManager.default.attributesOfItem(atPath: still.path)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        var image = parley_jpeg_image()
        #expect(parley_jpeg_decode(still.path, 10_000_000, 1000, 1000, &image) == PARLEY_JPEG_DECODED)
        defer { parley_image_free(image.pixels) }
        #expect(image.source_width == 640 && image.source_height == 480)
        #expect(camera.counters.stillsTaken == 1)
    }

    @Test func twoStillsNeverShareAFile() async throws {
        let camera = await CameraTestHost()
        defer { camera.finish() }
        _ = try await camera.open()
        guard case let .still(first) = try await camera.host.request(.takeStill),
            case let .still(second) = try await camera.host.request(.takeStill)
        else {
            Issue.record("expected two stills")
            return
        }
        #expect(first.path != second.path)
        #expect(FileManager.default.fileExists(atPath: first.path))
        #expect(FileManager.default.fileExists(atPath: second.path))
    }

    @Test func noStillWithoutACapture() async {
        let camera = await CameraTestHost()
        defer { camera.finish() }
        #expect(await camera.refusal(.takeStill) == .notCapturing)
        #expect(CameraError.notCapturing.description == "the camera is not open; /camera opens it")
    }
}
