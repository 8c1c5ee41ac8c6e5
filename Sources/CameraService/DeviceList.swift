import CVideoCodecs
import Foundation
import ParleyContracts
import VideoFrames

/// The capture devices under `/dev`: every `video` node whose driver says it can capture, with its name.
/// Nodes that only output, or that are metadata companions of a camera, are left out.
enum DeviceList {
    static func find(in directory: String = "/dev") -> [CameraDevice] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        let nodes = names.filter { $0.hasPrefix("video") && Int($0.dropFirst("video".count)) != nil }
            .sorted { Int($0.dropFirst(5))! < Int($1.dropFirst(5))! }
        return nodes.compactMap { node in
            let path = directory + "/" + node
            var name = [CChar](repeating: 0, count: 64)
            guard parley_v4l2_capture_name(path, &name, name.count) == 1 else { return nil }
            return CameraDevice(path: path, name: name.nulTerminatedText)
        }
    }
}
