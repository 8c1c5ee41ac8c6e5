import CameraService
import ParleyContracts
import ParleyTestKit
import ServiceRuntime
import Testing

@Suite(.timeLimit(.minutes(3)))
struct ServiceLifecycleTests {
    @Test func stoppingTheServiceReleasesTheDevice() async throws {
        let camera = await CameraTestHost()
        defer { camera.finish() }
        _ = try await camera.open()
        #expect(camera.counters.openCaptures == 1)

        // When the service is stopped with the viewfinder open
        await camera.host.stop()

        // Then the device is released, and requests say the camera is unavailable
        #expect(camera.counters.openCaptures == 0)
        do {
            _ = try await camera.host.request(.takeStill)
            Issue.record("a stopped camera answered")
        } catch {
            guard case let .unavailable(service, state) = error else {
                Issue.record("expected unavailable, got \(error)")
                return
            }
            #expect(service == "camera" && state == .stopped)
        }
    }

    @Test func aCrashReleasesTheDeviceAndTheServiceComesBack() async throws {
        let camera = await CameraTestHost()
        defer { camera.finish() }
        _ = try await camera.open()

        camera.host.crash()

        #expect(await eventually(timeout: .seconds(60)) { camera.counters.openCaptures == 0 })
        #expect(await eventually(timeout: .seconds(60)) { camera.host.status.state == .running })
        // The new incarnation has nothing open, and opens the device again on request
        #expect(await camera.refusal(.takeStill) == .notCapturing)
        _ = try await camera.open()
        #expect(camera.counters.openCaptures == 1)
    }
}
