import ParleyContracts
import ServiceRuntime
import VideoFrames

/// The media service's logic. Decoding, rendering and reading sound files run on a worker thread, so the
/// handler task waits instead of holding one of the few cooperative threads for tens of milliseconds.
public struct MediaHandler: ServiceHandler {
    public typealias Request = MediaRequest
    public typealias Reply = MediaReply
    public typealias Event = MediaEvent
    public typealias Failure = MediaError

    private let limits: MediaLimits
    private let counters: MediaCounters
    private var cache: PreviewCache
    private let playback: PlaybackController
    private var video: VideoPlayback?
    /// Where the media plugin is (nil: beside the executable); loaded at the first request that decodes.
    private let pluginPath: String?

    init(limits: MediaLimits, player: any AudioPlayer, counters: MediaCounters, pluginPath: String? = nil) {
        self.limits = limits
        self.counters = counters
        self.pluginPath = pluginPath
        self.cache = PreviewCache(capacity: limits.cachedPreviews)
        self.playback = PlaybackController(player: player, positionInterval: limits.positionInterval)
    }

    public mutating func handle(
        _ request: MediaRequest, context: ServiceContext<MediaEvent, MediaRequest>
    ) async throws -> MediaReply {
        if request.decodes { try await loadPlugin() }
        switch request {
        case let .preview(path, contentHash, width, height, palette):
            return .preview(
                try await preview(path: path, contentHash: contentHash, width: width, height: height, palette: palette))
        case let .previewVideo(path, width, height, palette):
            guard (1...limits.maxCells).contains(width), (1...limits.maxCells).contains(height) else {
                throw MediaError.invalidBox(width: width, height: height, limit: limits.maxCells)
            }
            let previewer = VideoPreviewer(maxPixels: limits.maxPixels, maxDuration: limits.maxDuration)
            return .video(
                try await offload { () throws(MediaError) in
                    try previewer.summarize(path, box: (width, height), palette: palette)
                })
        case let .describeAudio(path, width):
            guard (1...limits.maxCells).contains(width) else {
                throw MediaError.invalidWaveformWidth(width, limit: limits.maxCells)
            }
            let scanner = SoundScanner(maxDuration: limits.maxDuration)
            return .audio(
                try await offload { () throws(MediaError) in
                    // libsndfile first, as before: WAV, FLAC, Ogg and MP3; FFmpeg for the rest (AAC, M4A, MP4).
                    do throws(MediaError) {
                        return try AudioReader.describe(path, width: width, maxDuration: scanner.maxDuration)
                    } catch .unsupportedAudio {
                        return try scanner.describe(path, width: width)
                    }
                })
        case let .play(path):
            await stopVideo()
            return .playing(try playback.play(path, context: context))
        case let .playVideo(path, width, height, palette):
            return .playingVideo(
                try await playVideo(path, box: (width, height), palette: palette, context: context))
        case .togglePause:
            guard let video, !video.isEnded else { return .paused(nil) }
            let paused = video.togglePause()
            playback.setPaused(paused)
            return .paused(paused)
        case .stop:
            await stopVideo()
            return .stopped(playback.stop(context: context))
        case .playbackPosition:
            return .position(playback.position())
        case let .summarize(path, mediaType):
            let summarizer = FileSummarizer(prefixBytes: limits.textPrefixBytes, lines: limits.textLines)
            return .summary(
                try await offload { () throws(MediaError) in try summarizer.summarize(path, mediaType: mediaType) })
        }
    }

    /// The decoders are in the media plugin, loaded now rather than at start; without it, one sentence. The
    /// first load maps about two hundred libraries (around 100 ms): on a worker thread, like a decode.
    private func loadPlugin() async throws(MediaError) {
        let path = pluginPath
        try await offload { () throws(MediaError) in
            do throws(VideoStreamError) {
                try MediaPlugin.load(from: path)
            } catch {
                throw .codecsUnavailable(reason: error.description)
            }
        }
    }

    public mutating func shutdown() async {
        await stopVideo()
        playback.stopSilently()
    }

    private mutating func playVideo(
        _ path: String, box: (width: Int, height: Int), palette: Palette,
        context: ServiceContext<MediaEvent, MediaRequest>
    ) async throws(MediaError) -> VideoSummary {
        guard (1...limits.maxCells).contains(box.width), (1...limits.maxCells).contains(box.height) else {
            throw .invalidBox(width: box.width, height: box.height, limit: limits.maxCells)
        }
        await stopVideo()
        playback.stop(context: context)
        let previewer = VideoPreviewer(maxPixels: limits.maxPixels, maxDuration: limits.maxDuration)
        let stream = try await offload { () throws(MediaError) in try previewer.open(path) }
        let info = stream.info
        let summary = VideoSummary(
            firstFrame: [], width: info.width, height: info.height, duration: info.duration, frameRate: info.frameRate,
            container: MediaNames.container(info.container), videoCodec: MediaNames.codec(info.videoCodec),
            audioCodec: info.audioCodec.map(MediaNames.codec))
        let started = VideoPlayback(
            stream: stream, summary: summary, box: box, palette: palette, maxFrameRate: limits.maxFrameRate,
            publish: context.publish)
        video = started
        // Tied to this incarnation of the service: a crash or stop ends the video with it.
        context.spawn {
            await withTaskCancellationHandler {
                await started.waitUntilEnded()
            } onCancel: {
                started.stop()
            }
        }
        started.start()
        // Its sound through the system player, where there is one that can play it; a silent video otherwise.
        if info.audioCodec != nil { _ = try? playback.play(path, context: context) }
        return summary
    }

    private mutating func stopVideo() async {
        await video?.close()
        video = nil
    }

    private mutating func preview(
        path: String, contentHash: String, width: Int, height: Int, palette: Palette
    ) async throws(MediaError) -> Preview {
        guard (1...limits.maxCells).contains(width), (1...limits.maxCells).contains(height) else {
            throw .invalidBox(width: width, height: height, limit: limits.maxCells)
        }
        let key = PreviewCache.Key(contentHash: contentHash, width: width, height: height, palette: palette)
        if let cached = cache.lookup(key) {
            counters.recordCacheHit()
            return cached
        }
        let previewer = ImagePreviewer(maxPixels: limits.maxPixels)
        let preview = try await offload { () throws(MediaError) in
            try previewer.preview(path, width: width, height: height, palette: palette)
        }
        counters.recordRender()
        cache.insert(preview, for: key)
        return preview
    }
}

extension MediaRequest {
    /// Whether the request reads an image, sound or video, which takes the media plugin.
    fileprivate var decodes: Bool {
        switch self {
        case .preview, .previewVideo, .describeAudio, .play, .playVideo: true
        case .togglePause, .stop, .playbackPosition, .summarize: false
        }
    }
}
