import ParleyContracts
import VideoFrames

#if canImport(Glibc)
    import Glibc
#endif

/// The device setting, resolved once: a V4L2 node, or `lavfi:GRAPH`, FFmpeg's virtual input, which takes the
/// same path through FFmpeg as a real camera.
struct CaptureDevice: Sendable, Equatable {
    /// As the user wrote it, for messages.
    let setting: String
    let inputFormat: String
    let url: String

    init(_ setting: String) {
        self.setting = setting
        if setting.hasPrefix("lavfi:") {
            inputFormat = "lavfi"
            url = String(setting.dropFirst("lavfi:".count))
        } else {
            inputFormat = "v4l2"
            url = setting
        }
    }

    /// Whether frames come in real time; a lavfi graph makes them as fast as they are read.
    var isLive: Bool { inputFormat == "v4l2" }

    /// Checks a device node before FFmpeg opens it, so that the common failures get sentences of their own.
    func check() throws(CameraError) {
        guard isLive else { return }
        var status = stat()
        guard stat(url, &status) == 0 else { throw error(errno: errno) }
        guard status.st_mode & S_IFMT == S_IFCHR else { throw .notCaptureDevice(device: setting) }
        let descriptor = open(url, O_RDWR | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { throw error(errno: errno) }
        close(descriptor)
    }

    /// What FFmpeg's failure to open or read the device means for the user.
    func error(opening failure: VideoStreamError, maxPixels: Int) -> CameraError {
        switch failure.kind {
        case let .system(number) where isLive: error(errno: number)
        case .noVideo where isLive: .notCaptureDevice(device: setting)
        case .noDecoder, .badFormat: .unsupportedFormat(device: setting, reason: failure.description)
        case let .tooLarge(width, height): .tooLarge(device: setting, width: width, height: height, limit: maxPixels)
        default: .cannotOpen(device: setting, reason: failure.description)
        }
    }

    func error(errno number: Int32) -> CameraError {
        switch number {
        case ENOENT, ENOTDIR, ENXIO, ENODEV: .noCamera(device: setting)
        case EBUSY: .busy(device: setting)
        case EACCES, EPERM: .notPermitted(device: setting)
        // What the V4L2 ioctls answer on a node that is not a video device (/dev/null, a tty).
        case ENOTTY, EINVAL: .notCaptureDevice(device: setting)
        case EIO: .gone(device: setting)
        default: .cannotOpen(device: setting, reason: String(cString: strerror(number)))
        }
    }
}
