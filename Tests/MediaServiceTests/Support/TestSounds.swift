import CSndfile
import Foundation

/// Sounds the tests make themselves: a WAV written byte by byte, and FLAC and Ogg through libsndfile.
enum TestSounds {
    /// Mono 16-bit samples: the first half silent, the second half a full-scale square wave, so the
    /// waveform's left half is low and its right half high.
    static func halfSilentHalfLoud(frames: Int) -> [Int16] {
        (0..<frames).map { frame in frame < frames / 2 ? 0 : (frame % 2 == 0 ? Int16.max : -Int16.max) }
    }

    /// A canonical 44-byte header and 16-bit mono PCM.
    static func writeWAV(_ url: URL, sampleRate: Int, samples: [Int16]) throws {
        let dataBytes = UInt32(samples.count * 2)
        var bytes = Array("RIFF".utf8) + littleEndian(36 + dataBytes) + Array("WAVE".utf8)
        bytes += Array("fmt ".utf8) + littleEndian(UInt32(16)) + littleEndian(UInt16(1)) + littleEndian(UInt16(1))
        bytes += littleEndian(UInt32(sampleRate)) + littleEndian(UInt32(sampleRate * 2))
        bytes += littleEndian(UInt16(2)) + littleEndian(UInt16(16))
        bytes += Array("data".utf8) + littleEndian(dataBytes)
        for sample in samples { bytes += littleEndian(UInt16(bitPattern: sample)) }
        try Data(bytes).write(to: url)
    }

    /// Writes mono float samples in `format` (e.g. FLAC 16-bit, Ogg Vorbis) with libsndfile.
    static func write(_ url: URL, format: Int32, sampleRate: Int, samples: [Float]) {
        var info = SF_INFO()
        info.samplerate = Int32(sampleRate)
        info.channels = 1
        info.format = format
        guard let file = sf_open(url.path, Int32(SFM_WRITE), &info) else {
            preconditionFailure("cannot write \(url.path): \(String(cString: sf_strerror(nil)))")
        }
        var samples = samples
        _ = samples.withUnsafeMutableBufferPointer { sf_writef_float(file, $0.baseAddress, Int64($0.count)) }
        sf_close(file)
    }

    static let flac = Int32(SF_FORMAT_FLAC | SF_FORMAT_PCM_16)
    static let oggVorbis = Int32(SF_FORMAT_OGG | SF_FORMAT_VORBIS)

    private static func littleEndian<Value: FixedWidthInteger>(_ value: Value) -> [UInt8] {
        withUnsafeBytes(of: value.littleEndian) { Array($0) }
    }
}
