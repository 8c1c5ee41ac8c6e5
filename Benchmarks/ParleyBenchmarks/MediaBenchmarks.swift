import CImageWriter
import CMediaCodecs
import Foundation
import MediaService
import ParleyContracts

/// The time to preview a 4000x3000 JPEG (a 12-megapixel phone photo) into an 80x24 box through the
/// service, target 100 ms; the decode (libjpeg-turbo, scaled for the box) and the chafa render alone are
/// printed beside it for reference, and so is stb_image's full-size decode, which previews used before.
let mediaBenchmarks: [Benchmark] = [
    Benchmark(name: "media.preview") {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("parley-bench-media-\(UUID().uuidString.prefix(8))", isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("photo.jpg").path
        try PhotoLike.writeJPEG(path, width: 4000, height: 3000)

        let host = MediaService.makeHost()
        await host.start()
        let clock = ContinuousClock()
        let runs = 11
        var previewTimes: [Double] = []
        // Each run asks for a content hash the cache has not seen, so every run decodes and renders.
        for run in 0...runs {
            let start = clock.now
            _ = try await host.request(
                .preview(path: path, contentHash: "bench-\(run)", width: 80, height: 24, palette: .truecolor))
            if run > 0 { previewTimes.append(nanoseconds(clock.now - start)) }  // the first warms up
        }
        await host.close()

        var decodeTimes: [Double] = []
        var renderTimes: [Double] = []
        var decodeCPUTimes: [Double] = []
        var fullDecodeTimes: [Double] = []
        for _ in 0..<runs {
            let (decode, render, decodeCPU) = try timeDecodeAndRender(path)
            decodeTimes.append(decode)
            renderTimes.append(render)
            decodeCPUTimes.append(decodeCPU)
            fullDecodeTimes.append(try timeFullSizeDecode(path))
        }
        figure("media.preview.4000x3000.box80x24.p50", percentile(previewTimes.sorted(), 0.5) / 1e6, "ms")
        figure("media.preview.reference.decode.p50", percentile(decodeTimes.sorted(), 0.5) / 1e6, "ms")
        figure("media.preview.reference.decode.cpu.p50", percentile(decodeCPUTimes.sorted(), 0.5) / 1e6, "ms")
        figure("media.preview.reference.chafa-render.p50", percentile(renderTimes.sorted(), 0.5) / 1e6, "ms")
        figure("media.preview.reference.stb-full-decode.p50", percentile(fullDecodeTimes.sorted(), 0.5) / 1e6, "ms")
    }
]

struct BenchmarkFailure: Error, CustomStringConvertible {
    let description: String
}

/// The two stages of a preview measured alone with the same C calls the service makes: libjpeg-turbo
/// decoding the file to RGBA at the scale an 80x24 box needs, and chafa turning the pixels into 80x24 cells.
/// Also the decode's CPU time on this thread: on a loaded machine, wall time includes waiting for a core.
private func timeDecodeAndRender(_ path: String) throws -> (decode: Double, render: Double, decodeCPU: Double) {
    let clock = ContinuousClock()
    let startCPU = threadCPUTime()
    let start = clock.now
    var image = parley_jpeg_image()
    guard parley_jpeg_decode(path, 4000 * 3000, 80, 24, &image) == PARLEY_JPEG_DECODED, let pixels = image.pixels
    else {
        throw BenchmarkFailure(description: "cannot decode \(path): \(String(cString: parley_jpeg_failure()))")
    }
    defer { parley_image_free(pixels) }
    let decoded = clock.now
    let decodeCPU = threadCPUTime() - startCPU
    var columns: Int32 = 0
    var rows: Int32 = 0
    parley_fit_box(Int32(image.source_width), Int32(image.source_height), 80, 24, &columns, &rows)
    let cells = Int(columns * rows)
    var symbols = [UInt32](repeating: 0, count: cells)
    var foregrounds = [Int32](repeating: 0, count: cells)
    var backgrounds = [Int32](repeating: 0, count: cells)
    guard
        parley_render_cells(
            pixels, 4, image.width, image.height, columns, rows, PARLEY_PALETTE_TRUECOLOR, &symbols, &foregrounds,
            &backgrounds) == 1
    else { throw BenchmarkFailure(description: "chafa could not render \(path)") }
    let rendered = clock.now
    return (nanoseconds(decoded - start), nanoseconds(rendered - decoded), decodeCPU)
}

/// stb_image decoding the whole 12-megapixel file to RGBA, as previews did before libjpeg-turbo.
private func timeFullSizeDecode(_ path: String) throws -> Double {
    let clock = ContinuousClock()
    let start = clock.now
    var width: Int32 = 0
    var height: Int32 = 0
    guard let pixels = parley_image_decode(path, 4, 4000 * 3000 * 8, &width, &height) else {
        throw BenchmarkFailure(description: "cannot decode \(path): \(String(cString: parley_image_failure()))")
    }
    parley_image_free(pixels)
    return nanoseconds(clock.now - start)
}

/// Nanoseconds of CPU this thread has used.
private func threadCPUTime() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
    return Double(time.tv_sec) * 1e9 + Double(time.tv_nsec)
}

/// A synthetic photo: smooth gradients with fine texture, so the JPEG has the detail (and the decode
/// cost) of a real picture rather than the flat blocks a solid colour would compress to.
private enum PhotoLike {
    static func writeJPEG(_ path: String, width: Int, height: Int) throws {
        var pixels = [UInt8](repeating: 0, count: width * height * 3)
        var noise: UInt32 = 2_463_534_242
        for y in 0..<height {
            for x in 0..<width {
                noise ^= noise << 13
                noise ^= noise >> 17
                noise ^= noise << 5
                let grain = Int(noise & 31) - 16
                let index = (y * width + x) * 3
                pixels[index] = UInt8(clamping: x * 255 / width + grain)
                pixels[index + 1] = UInt8(clamping: y * 255 / height + grain)
                pixels[index + 2] = UInt8(clamping: (x + y) * 255 / (width + height) + grain)
            }
        }
        guard parley_write_jpeg(path, Int32(width), Int32(height), pixels, 90) == 1 else {
            throw BenchmarkFailure(description: "cannot write \(path)")
        }
    }
}
