import CVideoCodecs
import ParleyContracts
import Synchronization

/// A capture device or a video file opened through FFmpeg and read frame by frame; the latest frame is kept,
/// to be scaled to any size.
///
/// One owner reads it at a time (the camera's capture thread, a decode on a worker), which is why the C
/// stream needs no lock of its own; only `interrupt()` may come from another thread, and FFmpeg reads that
/// flag atomically.
public final class VideoStream: @unchecked Sendable {
    private var handle: OpaquePointer?
    /// Held while interrupting and while closing, so an interrupt from another thread never reaches a stream
    /// that is being freed.
    private let closing = Mutex(())
    public let info: VideoInfo

    /// Opens `url` with FFmpeg's input `inputFormat` (`v4l2`, `lavfi`; nil guesses from the file) and
    /// refuses a stream claiming more than `maxPixels` before decoding anything.
    public init(inputFormat: String?, url: String, maxPixels: Int) throws(VideoStreamError) {
        var handle: OpaquePointer?
        var message = [CChar](repeating: 0, count: 256)
        let code = parley_video_open(inputFormat, url, Int64(maxPixels), &handle, &message, message.count)
        guard code == 0, let handle else { throw VideoStreamError(code: code, message: message.nulTerminatedText) }
        self.handle = handle
        var raw = parley_video_info()
        parley_video_describe(handle, &raw)
        info = VideoInfo(raw)
    }

    deinit { close() }

    /// Decodes the next frame; false at the end of the stream. Blocks while a device has no frame ready.
    public func next() throws(VideoStreamError) -> Bool {
        guard let handle else { return false }
        var message = [CChar](repeating: 0, count: 256)
        let code = parley_video_next(handle, &message, message.count)
        guard code >= 0 else { throw VideoStreamError(code: code, message: message.nulTerminatedText) }
        return code == 1
    }

    /// The latest frame's size in pixels; zero before the first.
    public var frameSize: (width: Int, height: Int) {
        guard let handle else { return (0, 0) }
        var width: Int32 = 0
        var height: Int32 = 0
        parley_video_frame_size(handle, &width, &height)
        return (Int(width), Int(height))
    }

    /// The latest frame's time from the start of the stream.
    public var frameTime: Duration {
        guard let handle else { return .zero }
        return .microseconds(parley_video_frame_time_us(handle))
    }

    /// The latest frame scaled to `width` x `height` RGB pixels, 3 bytes each, rows top to bottom.
    public func rgb(width: Int, height: Int) throws(VideoStreamError) -> [UInt8] {
        guard let handle else { throw VideoStreamError(code: PARLEY_AV_NO_FRAME, message: "") }
        var pixels = [UInt8](repeating: 0, count: width * height * 3)
        let code = pixels.withUnsafeMutableBufferPointer {
            parley_video_scale(handle, Int32(width), Int32(height), $0.baseAddress)
        }
        guard code == 0 else { throw VideoStreamError(code: code, message: "") }
        return pixels
    }

    /// The latest frame drawn in at most `box` cells, keeping its aspect ratio.
    public func cells(box: (width: Int, height: Int), palette: Palette) throws(VideoStreamError) -> [[Cell]] {
        let (width, height) = frameSize
        let (columns, rows) = CellPainter.fit(width: width, height: height, box: box)
        // chafa samples 8x8 pixels for each cell: scaling to exactly that leaves it nothing to resample.
        let pixels = try rgb(width: columns * 8, height: rows * 8)
        guard
            let drawn = CellPainter.paint(
                rgb: pixels, width: columns * 8, height: rows * 8, cells: (columns, rows), palette: palette)
        else { throw VideoStreamError(code: PARLEY_AV_BAD_FORMAT, message: "the renderer ran out of memory") }
        return drawn
    }

    /// Makes a blocked or later `next()` return at once with an error; safe from any thread.
    public func interrupt() {
        closing.withLock { _ in
            if let handle { parley_video_interrupt(handle) }
        }
    }

    /// Closes the input, releasing a device; later reads find the end of the stream.
    public func close() {
        closing.withLock { _ in
            if let handle { parley_video_close(handle) }
            handle = nil
        }
    }
}
