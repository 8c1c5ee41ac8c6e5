import Foundation

/// What every sender was shown, read from the snapshots its scripts wrote: a message counts as accepted when
/// its snapshot exists (the app had handled its Enter) and the screen shows it in the timeline, pending or
/// stored, as `USER: TEXT`.
struct SenderLog {
    private(set) var accepted: Set<SoakMessage> = []
    /// Messages whose snapshot shows no such line, with the screen: the app refused them (and said why on
    /// screen), or the kill cut the snapshot's file short.
    private(set) var notShown: [(message: SoakMessage, screen: String)] = []
    private(set) var faults = 0
    private(set) var planned = 0

    init(lanes: [Lane], workspace: SoakWorkspace) {
        for lane in lanes {
            let folder = workspace.snapshots(of: lane.name)
            for script in lane.segments {
                planned += script.messages.count
                faults += script.faultNames.filter { Self.exists($0, in: folder) }.count
                for message in script.messages {
                    guard let screen = Self.read(SegmentScript.snapshotName(of: message), in: folder) else { continue }
                    if screen.contains("\(lane.user): \(message.text)") {
                        accepted.insert(message)
                    } else {
                        notShown.append((message, screen))
                    }
                }
            }
        }
    }

    private static func exists(_ name: String, in folder: URL) -> Bool {
        FileManager.default.fileExists(atPath: folder.appendingPathComponent("\(name).txt").path)
    }

    private static func read(_ name: String, in folder: URL) -> String? {
        try? String(contentsOf: folder.appendingPathComponent("\(name).txt"), encoding: .utf8)
    }
}
