import CMediaCodecs
import ParleyContracts

/// Decoding, the costly half of a preview: JPEG with libjpeg-turbo, PNG and GIF with stb_image.
extension ImagePreviewer {
    struct Decoded {
        /// RGB or RGBA, 8 bits a channel; owned by the caller, freed with `parley_image_free`.
        let pixels: UnsafeMutablePointer<UInt8>
        let channels: Int32
        /// The size of `pixels`: a JPEG's is its source size divided by 1, 2, 4 or 8.
        let width: Int
        let height: Int
        /// The size the file's header gives.
        let sourceWidth: Int
        let sourceHeight: Int
    }

    /// - Parameter box: the preview's size in cells, which decides how far a JPEG may be scaled down.
    func decode(_ path: String, box: (width: Int, height: Int)) throws(MediaError) -> Decoded {
        guard try FileCheck.size(of: path) > 0 else { throw .emptyFile(path: path) }
        if let jpeg = try decodeJPEG(path, box: box) { return jpeg }
        var claimedWidth: UInt32 = 0
        var claimedHeight: UInt32 = 0
        let probe = parley_image_probe(path, &claimedWidth, &claimedHeight)
        guard probe != PARLEY_PROBE_UNKNOWN else { throw .unsupportedImage(path: path) }
        let (width, height) = (Int(claimedWidth), Int(claimedHeight))
        guard width > 0, height > 0 else { throw .corruptImage(path: path, reason: "its header gives no size") }
        let pixels = width * height
        guard probe == PARLEY_PROBE_IMAGE, pixels <= maxPixels else {
            throw .tooManyPixels(path: path, width: width, height: height, limit: maxPixels)
        }
        // Eight bytes a pixel covers stb's largest buffer (16-bit RGBA while converting a deep PNG); the extra
        // mebibyte covers the tables and rows a tiny image still needs.
        let allocationLimit = pixels * 8 + (1 << 20)
        var decodedWidth: Int32 = 0
        var decodedHeight: Int32 = 0
        // RGBA, like the JPEG path, so chafa always gets one pixel format.
        let channels: Int32 = 4
        guard let decoded = parley_image_decode(path, channels, allocationLimit, &decodedWidth, &decodedHeight) else {
            throw .corruptImage(path: path, reason: String(cString: parley_image_failure()))
        }
        return Decoded(
            pixels: decoded, channels: channels, width: Int(decodedWidth), height: Int(decodedHeight),
            sourceWidth: width, sourceHeight: height)
    }

    /// The JPEG at `path` decoded at the smallest DCT scale that still fills `box`, or nil when the file does
    /// not start like a JPEG. The pixel limit is checked against the header before any pixel is decoded.
    private func decodeJPEG(_ path: String, box: (width: Int, height: Int)) throws(MediaError) -> Decoded? {
        var image = parley_jpeg_image()
        let status = parley_jpeg_decode(path, maxPixels, Int32(box.width), Int32(box.height), &image)
        switch status {
        case PARLEY_JPEG_NOT_JPEG:
            return nil
        case PARLEY_JPEG_TOO_LARGE:
            throw .tooManyPixels(
                path: path, width: Int(image.source_width), height: Int(image.source_height), limit: maxPixels)
        case PARLEY_JPEG_DECODED:
            guard let pixels = image.pixels else { throw .corruptImage(path: path, reason: "no pixels decoded") }
            return Decoded(
                pixels: pixels, channels: 4, width: Int(image.width), height: Int(image.height),
                sourceWidth: Int(image.source_width), sourceHeight: Int(image.source_height))
        default:
            throw .corruptImage(path: path, reason: String(cString: parley_jpeg_failure()))
        }
    }
}
