import CImageWriter
import Foundation

/// Images the tests make themselves: real ones written with stb_image_write, and hostile ones byte by byte.
enum TestImages {
    typealias RGB = (red: UInt8, green: UInt8, blue: UInt8)

    static func writePNG(_ url: URL, width: Int, height: Int, color: RGB) {
        let pixels = solid(width: width, height: height, color: color)
        precondition(
            parley_write_png(url.path, Int32(width), Int32(height), 3, pixels) == 1, "cannot write \(url.path)")
    }

    static func writeJPEG(_ url: URL, width: Int, height: Int, color: RGB) {
        let pixels = solid(width: width, height: height, color: color)
        precondition(
            parley_write_jpeg(url.path, Int32(width), Int32(height), pixels, 90) == 1, "cannot write \(url.path)")
    }

    /// A JPEG whose left half is `left` and right half `right`, so a preview shows where its pixels went.
    static func writeSplitJPEG(_ url: URL, width: Int, height: Int, left: RGB, right: RGB) {
        var pixels = [UInt8](repeating: 0, count: width * height * 3)
        for y in 0..<height {
            for x in 0..<width {
                let color = x < width / 2 ? left : right
                let index = (y * width + x) * 3
                (pixels[index], pixels[index + 1], pixels[index + 2]) = (color.red, color.green, color.blue)
            }
        }
        precondition(
            parley_write_jpeg(url.path, Int32(width), Int32(height), pixels, 90) == 1, "cannot write \(url.path)")
    }

    /// A PNG with alpha: fully transparent everywhere.
    static func writeTransparentPNG(_ url: URL, width: Int, height: Int) {
        let pixels = [UInt8](repeating: 0, count: width * height * 4)
        precondition(
            parley_write_png(url.path, Int32(width), Int32(height), 4, pixels) == 1, "cannot write \(url.path)")
    }

    private static func solid(width: Int, height: Int, color: RGB) -> [UInt8] {
        (0..<(width * height)).flatMap { _ in [color.red, color.green, color.blue] }
    }

    /// A two-frame GIF, 1x1: the first frame red, the second black. A preview shows the first.
    static let twoFrameGIF: [UInt8] =
        Array("GIF89a".utf8) + [0x01, 0x00, 0x01, 0x00, 0x80, 0x00, 0x00]  // 1x1, a 2-colour global table
        + [0xFF, 0x00, 0x00, 0x00, 0x00, 0x00]  // red, black
        + [0x2C, 0, 0, 0, 0, 0x01, 0x00, 0x01, 0x00, 0x00, 0x02, 0x02, 0x44, 0x01, 0x00]  // frame 1: index 0
        + [0x2C, 0, 0, 0, 0, 0x01, 0x00, 0x01, 0x00, 0x00, 0x02, 0x02, 0x4C, 0x01, 0x00]  // frame 2: index 1
        + [0x3B]

    /// A GIF header claiming 65535x65535 pixels, and nothing else.
    static let hugeGIFHeader: [UInt8] = Array("GIF89a".utf8) + [0xFF, 0xFF, 0xFF, 0xFF, 0x00, 0x00, 0x00]

    // MARK: - JPEG by hand

    /// A baseline JPEG's start of image and frame header (8-bit, one component) claiming `width` x `height`;
    /// with `scan`, also the start of a scan, which is where libjpeg's header reading stops.
    static func jpegHeader(width: UInt16, height: UInt16, scan: Bool) -> [UInt8] {
        let frame: [UInt8] = [
            0xFF, 0xC0, 0x00, 0x0B, 8, UInt8(height >> 8), UInt8(height & 0xFF), UInt8(width >> 8),
            UInt8(width & 0xFF), 1, 1, 0x11, 0,
        ]
        let startOfScan: [UInt8] = [0xFF, 0xDA, 0x00, 0x08, 1, 1, 0x00, 0, 63, 0]
        return [0xFF, 0xD8] + frame + (scan ? startOfScan : [])
    }

    // MARK: - PNG by hand

    /// The PNG signature and an IHDR chunk (8-bit RGB), with correct CRCs.
    static func pngHeader(width: UInt32, height: UInt32) -> [UInt8] {
        [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
            + chunk("IHDR", bigEndian(width) + bigEndian(height) + [8, 2, 0, 0, 0])
    }

    /// A valid-looking 100x100 PNG whose data inflates to `inflatedBytes` of zeros, far past the 30 kB its
    /// header needs: a decoder trusting the stream would grow its buffer to match.
    static func inflatingPNG(inflatedBytes: Int) -> [UInt8] {
        pngHeader(width: 100, height: 100) + chunk("IDAT", DeflateBomb.zlib(zeros: inflatedBytes)) + chunk("IEND", [])
    }

    static func chunk(_ type: String, _ data: [UInt8]) -> [UInt8] {
        let typed = Array(type.utf8) + data
        return bigEndian(UInt32(data.count)) + typed + bigEndian(crc32(typed))
    }

    static func bigEndian(_ value: UInt32) -> [UInt8] {
        (0..<4).map { UInt8(truncatingIfNeeded: value >> (24 - 8 * $0)) }
    }

    static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
        }
        return ~crc
    }
}

/// A zlib stream of zeros written with fixed Huffman codes: one literal zero, then copies of 258 bytes
/// from one byte back, 13 bits each, so a few kilobytes inflate to megabytes.
enum DeflateBomb {
    static func zlib(zeros count: Int) -> [UInt8] {
        var bits = BitWriter()
        bits.write(1, count: 1)  // the final block
        bits.write(1, count: 2)  // fixed Huffman codes
        bits.writeCode(0b0011_0000, length: 8)  // literal 0
        for _ in 0..<((count - 1) / 258) {
            bits.writeCode(0b1100_0101, length: 8)  // length 258 (code 285)
            bits.writeCode(0, length: 5)  // distance 1
        }
        bits.writeCode(0, length: 7)  // end of block
        let copied = 1 + (count - 1) / 258 * 258
        // Adler-32 of `copied` zeros: the sum stays 1, the running total grows by 1 a byte.
        let adler = UInt32(copied % 65521) << 16 | 1
        return [0x78, 0x01] + bits.bytes + TestImages.bigEndian(adler)
    }

    struct BitWriter {
        var bytes: [UInt8] = []
        var used = 8

        mutating func write(_ value: UInt32, count: Int) {
            for index in 0..<count { append(bit: (value >> index) & 1) }
        }

        /// Huffman codes go most significant bit first.
        mutating func writeCode(_ code: UInt32, length: Int) {
            for index in stride(from: length - 1, through: 0, by: -1) { append(bit: (code >> index) & 1) }
        }

        private mutating func append(bit: UInt32) {
            if used == 8 {
                bytes.append(0)
                used = 0
            }
            bytes[bytes.count - 1] |= UInt8(bit) << used
            used += 1
        }
    }
}
