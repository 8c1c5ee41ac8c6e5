import Dispatch
import Foundation
import ParleyContracts
import Synchronization
import VideoFrames

/// One open capture: a thread of its own reads the device, draws each frame in cells and publishes it.
///
/// The thread owns the stream and closes it (releasing the device) when it stops, whether asked to by
/// `stop()`, or because the device went away. A still is taken under the same lock that reading takes, so
/// it is always of a whole, current frame.
final class CaptureSession: Sendable {
    let info: CameraInfo
    private let device: CaptureDevice
    private let limits: CameraLimits
    private let counters: CameraCounters
    private let stream: VideoStream
    /// Serialises the thread's reads with stills taken from the handler.
    private let reading = Mutex(())
    private let shared: Mutex<Shared>
    private let publish: @Sendable (CameraEvent) -> Void

    private struct Shared {
        var box: (width: Int, height: Int)
        var palette: Palette
        var stopping = false
        var ended = false
        var waiters: [CheckedContinuation<Void, Never>] = []
    }

    /// Opens `device` and decodes its first frame, which proves it delivers something Parley can draw.
    static func open(
        _ device: CaptureDevice, limits: CameraLimits, counters: CameraCounters, box: (width: Int, height: Int),
        palette: Palette, publish: @escaping @Sendable (CameraEvent) -> Void
    ) throws(CameraError) -> CaptureSession {
        try device.check()
        let stream: VideoStream
        do {
            stream = try VideoStream(inputFormat: device.inputFormat, url: device.url, maxPixels: limits.maxPixels)
        } catch {
            throw device.error(opening: error, maxPixels: limits.maxPixels)
        }
        let first = try firstFrame(of: stream, device: device, limits: limits, box: box, palette: palette)
        let info = CameraInfo(
            device: device.setting, format: stream.info.pixelFormat, width: stream.frameSize.width,
            height: stream.frameSize.height, frameRate: stream.info.frameRate)
        let session = CaptureSession(
            info: info, device: device, limits: limits, counters: counters, stream: stream, box: box, palette: palette,
            publish: publish)
        publish(.frame(CameraFrame(number: 1, rows: first)))
        return session
    }

    /// The first frame drawn; a device that sends none within the limit is given up on.
    private static func firstFrame(
        of stream: VideoStream, device: CaptureDevice, limits: CameraLimits, box: (width: Int, height: Int),
        palette: Palette
    ) throws(CameraError) -> [[Cell]] {
        // Checked and set under one lock, so the watchdog never interrupts a stream that has already delivered.
        let arrived = Mutex(false)
        DispatchQueue.global().asyncAfter(deadline: .now() + limits.firstFrameTimeout.timeInterval) {
            arrived.withLock { if !$0 { stream.interrupt() } }
        }
        do {
            let delivered = try stream.next()
            arrived.withLock { $0 = true }
            guard delivered else { throw CameraError.gone(device: device.setting) }
            return try stream.cells(box: box, palette: palette)
        } catch let error as CameraError {
            throw error
        } catch let error as VideoStreamError {
            throw device.error(opening: error, maxPixels: limits.maxPixels)
        } catch {
            throw .cannotOpen(device: device.setting, reason: "\(error)")
        }
    }

    private init(
        info: CameraInfo, device: CaptureDevice, limits: CameraLimits, counters: CameraCounters,
        stream: VideoStream, box: (width: Int, height: Int), palette: Palette,
        publish: @escaping @Sendable (CameraEvent) -> Void
    ) {
        self.info = info
        self.device = device
        self.limits = limits
        self.counters = counters
        counters.captureOpened()
        self.stream = stream
        self.shared = Mutex(Shared(box: box, palette: palette))
        self.publish = publish
    }

    /// Starts the capture thread.
    func start() {
        let thread = Thread { [self] in
            run()
            finish()
        }
        thread.name = "camera capture"
        thread.start()
    }

    func resize(to box: (width: Int, height: Int)) {
        shared.withLock { $0.box = box }
    }

    /// Asks the thread to stop; it closes the device once its current read returns, which this makes at once.
    func stop() {
        shared.withLock { $0.stopping = true }
        stream.interrupt()
    }

    /// Stops, and returns once the device is released.
    func close() async {
        stop()
        await waitUntilEnded()
    }

    func waitUntilEnded() async {
        await withCheckedContinuation { continuation in
            let ended = shared.withLock { shared in
                if !shared.ended { shared.waiters.append(continuation) }
                return shared.ended
            }
            if ended { continuation.resume() }
        }
    }

    /// The latest frame at its full size, RGB.
    func still() throws(CameraError) -> (rgb: [UInt8], width: Int, height: Int) {
        let stream = stream
        do {
            return try reading.withLock { _ throws(VideoStreamError) in
                let (width, height) = stream.frameSize
                guard width > 0, height > 0 else { throw VideoStreamError(code: -1, message: "") }
                return (try stream.rgb(width: width, height: height), width, height)
            }
        } catch {
            throw isEnded ? .notCapturing : .noFrameYet
        }
    }

    private var isStopping: Bool { shared.withLock { $0.stopping } }
    private var isEnded: Bool { shared.withLock { $0.ended } }

    // MARK: - The capture thread

    private func run() {
        var pacer = FramePacer(maxFrameRate: limits.maxFrameRate, realTime: !device.isLive)
        var meter = CaptureMeter()
        var number = 1
        while !isStopping {
            let delivered: Bool
            do {
                delivered = try reading.withLock { _ throws(VideoStreamError) in try stream.next() }
            } catch {
                if !isStopping { publish(.ended(.gone(device: device.setting))) }
                return
            }
            guard delivered else {
                publish(.ended(.gone(device: device.setting)))
                return
            }
            if let captured = meter.count() {
                publish(.stats(CameraStats(info: info, capturedPerSecond: captured)))
            }
            guard pacer.admit(frameTime: stream.frameTime, stopping: { self.isStopping }) else { continue }
            let (box, palette) = shared.withLock { ($0.box, $0.palette) }
            do {
                let rows = try reading.withLock { _ throws(VideoStreamError) in
                    try stream.cells(box: box, palette: palette)
                }
                number += 1
                publish(.frame(CameraFrame(number: number, rows: rows)))
            } catch {
                publish(.ended(.unsupportedFormat(device: device.setting, reason: error.description)))
                return
            }
        }
    }

    private func finish() {
        reading.withLock { _ in stream.close() }
        counters.captureClosed()
        let waiters = shared.withLock { shared in
            shared.ended = true
            defer { shared.waiters.removeAll() }
            return shared.waiters
        }
        for waiter in waiters { waiter.resume() }
    }
}

extension Duration {
    /// Seconds as Dispatch takes them.
    var timeInterval: Double {
        Double(components.seconds) + Double(components.attoseconds) / 1e18
    }
}
