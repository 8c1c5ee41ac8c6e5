import Foundation
import ParleyContracts
import ParleyCore
import ServiceRuntime
import Testing

/// The viewfinder, driven through the pure `update`: opening, frames, stills, sending, and every way it closes.
struct CameraFlowTests {
    static let info = CameraInfo(device: "/dev/video0", format: "yuyv422", width: 640, height: 480, frameRate: 30)
    static let still = CameraStill(path: "/data/camera/photo-1.jpg", width: 640, height: 480, size: 12_345)
    static let rows = [[Cell("▀", foreground: .rgb(1, 2, 3))]]

    /// Signed in, in #general, with the viewfinder live and one frame drawn.
    static func live() -> AppState {
        var state = ChatFlowTests.signedIn()
        let effects = ChatFlowTests.type("/camera", into: &state)
        guard case let .camera(request)? = effects.first else { return state }
        _ = update(&state, .cameraReplied(request, .success(.opened(info))))
        _ = update(&state, .cameraEvent(.frame(CameraFrame(number: 1, rows: rows))))
        return state
    }

    @Test func cameraOpensTheViewfinderInTheTimelinePane() {
        var state = ChatFlowTests.signedIn()
        let effects = ChatFlowTests.type("/camera", into: &state)
        // The box is the timeline pane less the title line, as a preview's
        #expect(effects == [.camera(.open(width: 78, height: 25, palette: .colors256))])
        #expect(state.camera.mode == .opening)

        _ = update(
            &state, .cameraReplied(.open(width: 78, height: 25, palette: .colors256), .success(.opened(Self.info))))
        _ = update(&state, .cameraEvent(.frame(CameraFrame(number: 1, rows: Self.rows))))
        #expect(state.camera.mode == .live)
        #expect(state.camera.overlay?.rows == Self.rows)
        #expect(state.camera.overlay?.title == "camera 640x480 — Space takes a still · Esc closes")
    }

    @Test func spaceTakesAStillEnterSendsItThroughTheAttachmentService() {
        var state = Self.live()
        #expect(update(&state, .input(.key(.character(" ")))) == [.camera(.takeStill)])
        // Frames that come meanwhile do not replace the one the still is of
        _ = update(&state, .cameraEvent(.frame(CameraFrame(number: 2, rows: [[Cell("x")]]))))
        #expect(state.camera.frame == Self.rows)
        _ = update(&state, .cameraReplied(.takeStill, .success(.still(Self.still))))
        #expect(state.camera.mode == .still(Self.still))

        let effects = update(&state, .input(.key(.enter)))
        guard effects.count == 2, case .camera(.close) = effects[0],
            case let .attachment(.importFile(token, path, _)) = effects[1]
        else {
            Issue.record("expected the camera closed and the still imported: \(effects)")
            return
        }
        #expect(token == "tok" && path == Self.still.path)
        #expect(!state.camera.isOpen)
    }

    @Test func escGoesBackToTheViewfinderThenClosesIt() {
        var state = Self.live()
        _ = update(&state, .input(.key(.enter)))
        _ = update(&state, .cameraReplied(.takeStill, .success(.still(Self.still))))

        #expect(update(&state, .input(.key(.escape))) == [])
        #expect(state.camera.mode == .live)
        #expect(update(&state, .input(.key(.escape))) == [.camera(.close)])
        #expect(!state.camera.isOpen && state.camera.overlay == nil)
    }

    @Test func keysOtherThanTheCamerasDoNothingWhileItIsOpen() {
        var state = Self.live()
        #expect(update(&state, .input(.key(.character("a")))) == [])
        #expect(state.input.text.isEmpty)
        _ = update(&state, .input(.key(.function(12))))
        #expect(state.isDebugPanelOpen)
    }

    @Test func withTheCameraServiceOffCameraSaysItIsUnavailable() {
        var state = ChatFlowTests.signedIn()
        let effects = ChatFlowTests.type("/camera", into: &state)
        guard case let .camera(request)? = effects.first else { return }
        _ = update(&state, .cameraReplied(request, .failure(.unavailable(service: "camera"))))
        #expect(!state.camera.isOpen)
        #expect(state.notice == "camera unavailable: the camera returns when it is back")
    }

    @Test func theRefusalOfAStoppedCameraIsShownEvenAfterItsStatusClosedTheViewfinder() {
        var state = ChatFlowTests.signedIn()
        let effects = ChatFlowTests.type("/camera", into: &state)
        guard case let .camera(request)? = effects.first else { return }
        _ = update(&state, .serviceStatus(ServiceStatus(name: "camera", state: .stopped)))
        _ = update(&state, .cameraReplied(request, .failure(.unavailable(service: "camera"))))
        #expect(!state.camera.isOpen)
        #expect(state.notice == "camera unavailable: the camera returns when it is back")
    }

    @Test func aFailureToOpenIsOneSentenceAndLeavesNothingOpen() {
        var state = ChatFlowTests.signedIn()
        let effects = ChatFlowTests.type("/camera", into: &state)
        guard case let .camera(request)? = effects.first else { return }
        _ = update(&state, .cameraReplied(request, .failure(.refused(.noCamera(device: "/dev/video0")))))
        #expect(!state.camera.isOpen)
        #expect(state.notice == "no camera at /dev/video0; set camera.device in config.toml")
    }

    @Test func theDeviceGoingAwayClosesTheViewfinder() {
        var state = Self.live()
        _ = update(&state, .cameraEvent(.ended(.gone(device: "/dev/video0"))))
        #expect(!state.camera.isOpen)
        #expect(state.notice == CameraError.gone(device: "/dev/video0").description)
    }

    @Test func stoppingTheCameraServiceClosesTheViewfinder() {
        var state = Self.live()
        _ = update(&state, .serviceStatus(ServiceStatus(name: "camera", state: .stopped)))
        #expect(!state.camera.isOpen)
        #expect(state.notice == "camera stopped: the viewfinder is closed")
    }

    @Test func aFailedStillClosesTheViewfinder() {
        var state = Self.live()
        _ = update(&state, .input(.key(.character(" "))))
        let effects = update(&state, .cameraReplied(.takeStill, .failure(.refused(.stillFailed(reason: "disk full")))))
        #expect(effects == [.camera(.close)])
        #expect(!state.camera.isOpen)
        #expect(state.notice == "the still could not be saved: disk full")
    }

    @Test func statsGiveTheFramesCapturedDrawnAndDroppedEachSecond() {
        var state = Self.live()
        _ = update(&state, .cameraEvent(.stats(CameraStats(info: Self.info, capturedPerSecond: 30))))
        #expect(state.camera.rates == CameraRates(info: Self.info, captured: 30, drawn: 1))
        #expect(state.camera.rates?.dropped == 29)
    }

    @Test func resizingTheTerminalResizesTheViewfinder() {
        var state = Self.live()
        #expect(update(&state, .input(.resize(width: 60, height: 20))) == [.camera(.resize(width: 38, height: 15))])
    }

    @Test func cameraListNamesTheDevicesFound() {
        var state = ChatFlowTests.signedIn()
        #expect(ChatFlowTests.type("/camera list", into: &state) == [.camera(.listDevices)])
        _ = update(
            &state,
            .cameraReplied(.listDevices, .success(.devices([CameraDevice(path: "/dev/video0", name: "Integrated")]))))
        #expect(state.notice == "cameras: /dev/video0 (Integrated)")
        _ = update(&state, .cameraReplied(.listDevices, .success(.devices([]))))
        #expect(state.notice == "no cameras found: no /dev/video* device can capture")
    }
}
