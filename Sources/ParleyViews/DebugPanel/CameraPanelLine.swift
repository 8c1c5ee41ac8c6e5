import ParleyCore

/// The debug panel's line about the camera: its device, format and size, and the last second's frames
/// captured, drawn and dropped.
public struct CameraPanelLine: Equatable {
    public var text: String

    public init(_ camera: CameraState) {
        switch (camera.rates, camera.info) {
        case let (rates?, _):
            let info = rates.info
            text =
                "camera: \(info.device) · \(info.format) \(info.width)x\(info.height) · "
                + "\(rates.captured) captured/s, \(rates.drawn) drawn/s, \(rates.dropped) dropped/s"
        case let (nil, info?):
            text = "camera: \(info.device) · \(info.format) \(info.width)x\(info.height) · measuring frame rates…"
        case (nil, nil):
            text = camera.isOpen ? "camera: opening…" : "camera: viewfinder closed"
        }
    }
}
