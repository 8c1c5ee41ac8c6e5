import ParleyContracts

/// Carries a service's events into the app loop, dropping frames (the camera's viewfinder, a video's) that
/// the loop is too busy for.
///
/// A frame goes in only once the loop has handled the one before it; a frame that comes sooner is dropped,
/// not queued, so a busy UI shows the newest frame when it catches up instead of falling further behind.
/// Every other event (stats, the end of a capture) always goes in.
enum FrameGate {
    static func forward<Event: Sendable>(
        _ events: AsyncStream<Event>, to inbox: AppInbox, isFrame: @Sendable (Event) -> Bool,
        as message: @Sendable (Event) -> AppMsg
    ) async {
        var lastFrame: Int?
        for await event in events {
            if isFrame(event) {
                if let lastFrame, !inbox.hasHandled(lastFrame) { continue }
                inbox.yield(message(event))
                lastFrame = inbox.acceptedCount
            } else {
                inbox.yield(message(event))
            }
        }
    }
}

extension CameraEvent {
    var isFrame: Bool { if case .frame = self { true } else { false } }
}

extension MediaEvent {
    var isVideoFrame: Bool { if case .videoFrame = self { true } else { false } }
}
