import CMediaCodecs
import Foundation
import ParleyContracts
import ParleyStorage

/// Encodes stills as JPEG with libjpeg-turbo and writes them, private to their owner, to the data directory's
/// `camera` folder, named for when they were taken: that name is what the other people in the room see.
struct StillWriter: Sendable {
    let dataDirectory: DataDirectory
    let quality: Int

    func write(rgb: [UInt8], width: Int, height: Int, at date: Date = Date()) throws(CameraError) -> CameraStill {
        let jpeg = try encode(rgb: rgb, width: width, height: height)
        let folder: URL
        do {
            folder = try dataDirectory.prepare(subdirectory: "camera")
        } catch {
            throw .stillFailed(reason: "\(error)")
        }
        let stamp = Self.stamp(date)
        // Two stills in one second get -2, -3, ...: never overwrite one that may be waiting to be sent.
        for attempt in 1...100 {
            let name = attempt == 1 ? "photo-\(stamp).jpg" : "photo-\(stamp)-\(attempt).jpg"
            let url = folder.appendingPathComponent(name)
            do {
                if try PrivateFile.createExclusively(url, contents: jpeg) {
                    return CameraStill(path: url.path, width: width, height: height, size: jpeg.count)
                }
            } catch {
                throw .stillFailed(reason: "\(error)")
            }
        }
        throw .stillFailed(reason: "a hundred stills already carry the name photo-\(stamp)")
    }

    func encode(rgb: [UInt8], width: Int, height: Int) throws(CameraError) -> Data {
        var buffer: UnsafeMutablePointer<UInt8>?
        var size: UInt = 0
        guard parley_jpeg_encode(rgb, Int32(width), Int32(height), Int32(quality), &buffer, &size) == 1,
            let buffer
        else { throw .stillFailed(reason: "libjpeg could not encode a \(width)x\(height) picture") }
        defer { parley_jpeg_free(buffer) }
        return Data(bytes: buffer, count: Int(size))
    }

    /// `20261130-051502`, in UTC so that the name does not depend on where the machine is.
    static func stamp(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        func two(_ value: Int?) -> String { String(format: "%02d", value ?? 0) }
        return "\(parts.year ?? 0)\(two(parts.month))\(two(parts.day))-\(two(parts.hour))\(two(parts.minute))"
            + two(parts.second)
    }
}
