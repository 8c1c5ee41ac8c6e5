import ParleyContracts
import ServiceRuntime

// MARK: - Commands

/// `/camera`: opens the viewfinder in the timeline pane. Signed in and in a room, so a still has somewhere to go.
func openCamera(in state: inout AppState) -> [AppEffect] {
    guard requireSession(in: &state) != nil, requireRoom(in: &state) != nil, !state.camera.isOpen else { return [] }
    state.camera.mode = .opening
    state.chat.overlay = nil
    state.notice = "opening the camera…"
    let box = viewfinderBox(in: state)
    return [.camera(.open(width: box.width, height: box.height, palette: state.palette))]
}

/// `/camera list`.
func listCameras(in state: inout AppState) -> [AppEffect] {
    state.notice = "looking for cameras…"
    return [.camera(.listDevices)]
}

/// The timeline pane less the viewfinder's title line: the same space a preview takes.
func viewfinderBox(in state: AppState) -> (width: Int, height: Int) {
    (max(10, state.width - ChatLayout.roomListWidth - 2), max(3, state.height - 1 - ChatLayout.footerHeight - 2))
}

/// The terminal was resized: the viewfinder follows.
func resizeViewfinder(in state: inout AppState) -> [AppEffect] {
    guard state.camera.isOpen else { return [] }
    let box = viewfinderBox(in: state)
    return [.camera(.resize(width: box.width, height: box.height))]
}

// MARK: - Keys

/// Keys while the viewfinder is open: Space or Enter takes a still, Enter sends it, Esc goes back and then
/// closes. Nil for keys that keep their usual meaning (F12, quitting); other keys do nothing meanwhile.
func handleCameraKey(_ key: Key, in state: inout AppState) -> [AppEffect]? {
    switch (key, state.camera.mode) {
    case (.function(12), _), (.control("c"), _), (.control("q"), _):
        return nil
    case (.character(" "), .live), (.enter, .live):
        state.camera.mode = .takingStill
        state.notice = "taking a still…"
        return [.camera(.takeStill)]
    case let (.enter, .still(still)):
        guard let token = requireSession(in: &state), let room = requireRoom(in: &state) else { return [] }
        state.camera.close()
        return [.camera(.close)] + attach(still.path, to: room, token: token, in: &state)
    case (.escape, .still):
        state.camera.mode = .live
        state.notice = "Space takes a still · Esc closes the camera"
        return []
    case (.escape, _):
        state.camera.close()
        state.notice = "camera closed"
        return [.camera(.close)]
    default:
        return []
    }
}

// MARK: - Replies and events

func handleCameraReply(
    _ request: CameraRequest, _ result: Result<CameraReply, CallFailure<CameraError>>, in state: inout AppState
) -> [AppEffect] {
    switch (request, result) {
    case let (.open, .success(.opened(info))):
        // Closed again before the device answered: let it go at once.
        guard state.camera.mode == .opening else { return state.camera.isOpen ? [] : [.camera(.close)] }
        state.camera.mode = .live
        state.camera.info = info
        state.notice = "camera \(info.width)x\(info.height): Space takes a still · Esc closes"
    case let (.open, .failure(failure)):
        // Also when the service's stop closed the viewfinder first: the refusal says why better than that.
        if state.camera.mode == .opening { state.camera.close() }
        guard !state.camera.isOpen else { return [] }
        state.notice = failure.sentence(resumes: "the camera returns")
    case let (.takeStill, .success(.still(still))):
        guard state.camera.mode == .takingStill else { return [] }
        state.camera.mode = .still(still)
        state.notice = "still \(still.width)x\(still.height): Enter sends it · Esc back to the viewfinder"
    case let (.takeStill, .failure(failure)):
        guard state.camera.isOpen else { return [] }
        state.camera.close()
        state.notice = failure.sentence(resumes: "the camera returns")
        return [.camera(.close)]
    case let (.listDevices, .success(.devices(devices))):
        state.notice =
            devices.isEmpty
            ? "no cameras found: no /dev/video* device can capture"
            : "cameras: " + devices.map { "\($0.path) (\($0.name))" }.joined(separator: ", ")
    case let (.listDevices, .failure(failure)):
        state.notice = failure.sentence(resumes: "the camera list returns")
    default:
        break
    }
    return []
}

func handleCameraEvent(_ event: CameraEvent, in state: inout AppState) {
    switch event {
    case let .frame(frame):
        guard state.camera.mode == .opening || state.camera.mode == .live else { return }
        state.camera.frame = frame.rows
        state.camera.drawnSinceStats += 1
    case let .stats(stats):
        guard state.camera.isOpen else { return }
        state.camera.rates = CameraRates(
            info: stats.info, captured: stats.capturedPerSecond, drawn: state.camera.drawnSinceStats)
        state.camera.drawnSinceStats = 0
    case let .ended(error):
        guard state.camera.isOpen else { return }
        state.camera.close()
        state.notice = error.description
    }
}

/// The camera service went down with the viewfinder open: the viewfinder closes (the service has released
/// the device as it stopped).
func closeViewfinderIfDown(_ status: ServiceStatus, in state: inout AppState) {
    guard status.name == "camera", !status.state.isUp, state.camera.isOpen else { return }
    state.camera.close()
    state.notice = "camera \(status.state.rawValue): the viewfinder is closed"
}

// MARK: - The view's part

extension CameraState {
    /// The viewfinder as an overlay on the timeline pane, or nil while the camera is closed.
    public var overlay: Overlay? {
        let size = info.map { " \($0.width)x\($0.height)" } ?? ""
        switch mode {
        case .closed:
            return nil
        case .opening:
            return Overlay(title: "camera — opening… (Esc closes)", rows: frame)
        case .live:
            return Overlay(title: "camera\(size) — Space takes a still · Esc closes", rows: frame)
        case .takingStill:
            return Overlay(title: "camera\(size) — taking a still…", rows: frame)
        case let .still(still):
            return Overlay(
                title: "still \(still.width)x\(still.height) — Enter sends it · Esc back to the viewfinder",
                rows: frame)
        }
    }
}
