import ParleyContracts
import VideoFrames

/// Opens a video with FFmpeg, checks what its headers claim against the limits before decoding anything, and
/// draws its first frame in cells.
struct VideoPreviewer: Sendable {
    let maxPixels: Int
    let maxDuration: Duration

    func summarize(_ path: String, box: (width: Int, height: Int), palette: Palette) throws(MediaError) -> VideoSummary
    {
        let stream = try open(path)
        defer { stream.close() }
        let info = stream.info
        do throws(VideoStreamError) {
            guard try stream.next() else { throw VideoStreamError(code: -1, message: "it holds no frame") }
            let rows = try stream.cells(box: box, palette: palette)
            return VideoSummary(
                firstFrame: rows, width: info.width, height: info.height, duration: info.duration,
                frameRate: info.frameRate, container: MediaNames.container(info.container),
                videoCodec: MediaNames.codec(info.videoCodec), audioCodec: info.audioCodec.map(MediaNames.codec))
        } catch {
            throw Self.error(error, path: path, maxPixels: maxPixels)
        }
    }

    /// The video at `path`, opened, once its size and duration are within the limits.
    func open(_ path: String) throws(MediaError) -> VideoStream {
        guard try FileCheck.size(of: path) > 0 else { throw .emptyFile(path: path) }
        let stream: VideoStream
        do {
            stream = try VideoStream(inputFormat: nil, url: path, maxPixels: maxPixels)
        } catch {
            throw Self.error(error, path: path, maxPixels: maxPixels)
        }
        if let duration = stream.info.duration, duration > maxDuration {
            stream.close()
            throw .tooLong(path: path, limit: maxDuration)
        }
        return stream
    }

    static func error(_ failure: VideoStreamError, path: String, maxPixels: Int) -> MediaError {
        switch failure.kind {
        case let .tooLarge(width, height): .tooManyPixels(path: path, width: width, height: height, limit: maxPixels)
        default: .unsupportedVideo(path: path, reason: failure.description)
        }
    }
}
