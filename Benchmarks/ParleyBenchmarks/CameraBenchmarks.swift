import CMediaFixtures
import Foundation
import ParleyContracts
import VideoFrames

/// The viewfinder's cost per frame: capture a 640x480 frame (FFmpeg's lavfi device, through the same calls a
/// V4L2 camera takes), scale it and draw it in an 80x24 pane; target 10 ms, so 30 frames a second leave room.
/// And a video's: decode one 1280x720 H.264 frame and draw it; target 15 ms. Each beside FFmpeg's bare
/// read and decode of the same frames, measured in the same run.
let cameraBenchmarks: [Benchmark] = [
    Benchmark(name: "camera.viewfinder") {
        let device = (format: "lavfi", url: "testsrc2=size=640x480:rate=30")
        let (drawn, bare) = try timeFrames(device, frames: 200)
        figure(
            "camera.viewfinder.640x480.box80x24.p50", drawn / 1e6, "ms", reference: "ffmpeg-capture-decode",
            bare / 1e6)
    },
    Benchmark(name: "camera.video") {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("parley-bench-video-\(UUID().uuidString.prefix(8))", isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("clip.mp4").path
        var message = [CChar](repeating: 0, count: 256)
        guard parley_write_video(path, "libx264", 1280, 720, 120, 30, nil, &message, message.count) == 0 else {
            throw BenchmarkFailure(description: "cannot write the video: \(message.nulTerminatedText)")
        }
        let (drawn, bare) = try timeFrames((nil, path), frames: 110)
        figure("camera.video.1280x720.box80x24.p50", drawn / 1e6, "ms", reference: "ffmpeg-decode", bare / 1e6)
    },
]

/// The p50 nanoseconds of reading a frame and drawing it in 80x24 cells, and of reading it alone, over
/// `frames` frames of each of two passes over the same input (the first few left out as warm-up).
private func timeFrames(_ input: (format: String?, url: String), frames: Int) throws -> (drawn: Double, bare: Double) {
    let clock = ContinuousClock()
    func pass(drawing: Bool) throws -> Double {
        let stream = try VideoStream(inputFormat: input.format, url: input.url, maxPixels: 50_000_000)
        defer { stream.close() }
        var times: [Double] = []
        for index in 0..<frames {
            let start = clock.now
            guard try stream.next() else { break }
            if drawing { _ = try stream.cells(box: (80, 24), palette: .truecolor) }
            if index >= 5 { times.append(nanoseconds(clock.now - start)) }
        }
        return percentile(times.sorted(), 0.5)
    }
    let bare = try pass(drawing: false)
    let drawn = try pass(drawing: true)
    return (drawn, bare)
}
