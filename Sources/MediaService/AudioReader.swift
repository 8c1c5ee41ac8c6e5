import CMediaCodecs
import ParleyContracts
import VideoFrames

/// Reads sound files with libsndfile: their format and duration, and a waveform made in one streaming pass.
enum AudioReader {
    /// Duration, format and a waveform `width` cells wide; a header claiming more than `maxDuration` is refused.
    static func describe(_ path: String, width: Int, maxDuration: Duration) throws(MediaError) -> AudioInfo {
        let file = try SoundFile(path)
        defer { file.close() }
        guard file.duration <= maxDuration else { throw .tooLong(path: path, limit: maxDuration) }
        let peaks = file.peaks(columns: width)
        return AudioInfo(
            duration: file.duration, format: AudioFormat.describe(file.info), sampleRate: Int(file.info.sample_rate),
            channels: Int(file.info.channels), waveform: Waveform.line(peaks: peaks))
    }

    /// The duration, when the file is a sound libsndfile can read; playback caps its position by it.
    static func duration(of path: String) -> Duration? {
        guard let file = try? SoundFile(path) else { return nil }
        defer { file.close() }
        return file.duration
    }
}

/// An open libsndfile handle (through the media plugin) and what its header says.
struct SoundFile {
    let handle: OpaquePointer
    let info: parley_sound_info

    init(_ path: String) throws(MediaError) {
        guard try FileCheck.size(of: path) > 0 else { throw .emptyFile(path: path) }
        var info = parley_sound_info()
        var message = [CChar](repeating: 0, count: 512)
        guard let handle = parley_sound_open(path, &info, &message, message.count) else {
            throw .unsupportedAudio(path: path, reason: message.nulTerminatedText)
        }
        guard info.sample_rate > 0, info.channels > 0 else {
            parley_sound_close(handle)
            throw .unsupportedAudio(path: path, reason: "its header gives no sample rate or channels")
        }
        self.handle = handle
        self.info = info
    }

    func close() { parley_sound_close(handle) }

    var duration: Duration {
        .seconds(Double(max(0, info.frames)) / Double(info.sample_rate))
    }

    /// The loudest sample (0 to 1, any channel) in each of `columns` equal stretches of the sound.
    ///
    /// Reads a block at a time, so memory stays at one block whatever the file's length. The header's frame
    /// count places each block; if the file is shorter than it claims, the last columns stay silent.
    func peaks(columns: Int) -> [Float] {
        var peaks = [Float](repeating: 0, count: columns)
        let frames = Int64(info.frames)
        guard frames > 0, frames != Int64.max else { return peaks }
        let channels = Int(info.channels)
        let blockFrames = max(1, 65_536 / channels)
        var block = [Float](repeating: 0, count: blockFrames * channels)
        var position: Int64 = 0
        while position < frames {
            let count = block.withUnsafeMutableBufferPointer {
                parley_sound_read(handle, $0.baseAddress, Int64(blockFrames))
            }
            guard count > 0 else { break }
            for frame in 0..<Int(count) {
                var peak: Float = 0
                for sample in block[(frame * channels)..<((frame + 1) * channels)] { peak = max(peak, abs(sample)) }
                let column = Int(min((position + Int64(frame)) * Int64(columns) / frames, Int64(columns - 1)))
                peaks[column] = max(peaks[column], min(peak, 1))
            }
            position += count
        }
        return peaks
    }
}
