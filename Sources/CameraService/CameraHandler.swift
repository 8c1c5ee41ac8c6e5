import ParleyContracts
import ServiceRuntime

/// The camera service's logic: at most one capture open at a time. Opening and stills run on worker threads,
/// the capture on a thread of its own, so the handler's task never holds a cooperative thread for long.
public struct CameraHandler: ServiceHandler {
    public typealias Request = CameraRequest
    public typealias Reply = CameraReply
    public typealias Event = CameraEvent
    public typealias Failure = CameraError

    private let device: CaptureDevice
    private let limits: CameraLimits
    private let stills: StillWriter
    private let counters: CameraCounters
    private var session: CaptureSession?

    init(device: CaptureDevice, limits: CameraLimits, counters: CameraCounters, stills: StillWriter) {
        self.device = device
        self.limits = limits
        self.counters = counters
        self.stills = stills
    }

    public mutating func handle(
        _ request: CameraRequest, context: ServiceContext<CameraEvent, CameraRequest>
    ) async throws -> CameraReply {
        switch request {
        case let .open(width, height, palette):
            try checkBox(width, height)
            await closeSession()
            let (device, limits, counters) = (device, limits, counters)
            let opened = try await offload { () throws(CameraError) in
                try CaptureSession.open(
                    device, limits: limits, counters: counters, box: (width, height), palette: palette,
                    publish: context.publish)
            }
            session = opened
            // Tied to this incarnation of the service: a crash or stop cancels it, which releases the device.
            context.spawn {
                await withTaskCancellationHandler {
                    await opened.waitUntilEnded()
                } onCancel: {
                    opened.stop()
                }
            }
            opened.start()
            return .opened(opened.info)
        case let .resize(width, height):
            try checkBox(width, height)
            guard let session else { throw CameraError.notCapturing }
            session.resize(to: (width, height))
            return .resized
        case .takeStill:
            guard let session else { throw CameraError.notCapturing }
            let (stills, counters) = (stills, counters)
            return .still(
                try await offload { () throws(CameraError) in
                    let frame = try session.still()
                    let still = try stills.write(rgb: frame.rgb, width: frame.width, height: frame.height)
                    counters.stillTaken()
                    return still
                })
        case .close:
            await closeSession()
            return .closed
        case .listDevices:
            return .devices(try await offload { () throws(CameraError) in DeviceList.find() })
        }
    }

    public mutating func shutdown() async { await closeSession() }

    private mutating func closeSession() async {
        await session?.close()
        session = nil
    }

    private func checkBox(_ width: Int, _ height: Int) throws(CameraError) {
        guard (1...limits.maxCells).contains(width), (1...limits.maxCells).contains(height) else {
            throw .invalidBox(width: width, height: height, limit: limits.maxCells)
        }
    }
}
