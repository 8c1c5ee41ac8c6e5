import ParleyContracts

/// Carries the camera's events into the app loop, dropping frames the loop is too busy for.
///
/// A frame goes in only once the loop has handled the one before it; a frame that comes sooner is dropped,
/// not queued, so a busy UI shows the newest frame when it catches up instead of falling further behind.
/// Every other event (stats, the end of a capture) always goes in.
enum CameraFrameGate {
    static func forward(_ events: AsyncStream<CameraEvent>, to inbox: AppInbox) async {
        var lastFrame: Int?
        for await event in events {
            if case .frame = event {
                if let lastFrame, !inbox.hasHandled(lastFrame) { continue }
                inbox.yield(.cameraEvent(event))
                lastFrame = inbox.acceptedCount
            } else {
                inbox.yield(.cameraEvent(event))
            }
        }
    }
}
