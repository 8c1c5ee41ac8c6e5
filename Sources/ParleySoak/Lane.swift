import Foundation

/// One sender: a user typing in one terminal after another. Each app instance (segment) is a `parley script`
/// process; when the chaos kills it, the next takes over with the numbers after those the killed one planned,
/// so no number is ever typed twice.
final class Lane {
    let name: String
    let user: String
    private(set) var segments: [SegmentScript] = []
    private(set) var process: ChildProcess?
    private var nextNumber = 1
    /// Why scripts of this lane failed (an expectation not met, as `parley script` said it), by segment.
    private(set) var failures: [String] = []

    init(name: String, user: String) {
        self.name = name
        self.user = user
    }

    /// Whether an app instance of the lane is running now.
    var isRunning: Bool { process.map { !$0.hasEnded } ?? false }

    /// Starts the lane's next app instance on `workspace`, reading how the previous one ended first.
    func startNext(_ workspace: SoakWorkspace, random: inout SoakRandom) throws {
        noteEnd()
        let count = Int.random(in: 60...240, using: &random)
        let script = SegmentScript(
            lane: name, user: user, segment: segments.count + 1, numbers: nextNumber..<(nextNumber + count),
            random: &random)
        nextNumber += count
        segments.append(script)
        process = try workspace.runScript(script.text, named: "\(name)-s\(script.segment)", snapshotsOf: name)
    }

    /// Kills the running instance at once, as `kill -9` does; true if there was one.
    func kill() -> Bool {
        guard let process, !process.hasEnded else { return false }
        process.kill9()
        self.process = nil
        return true
    }

    /// Records why the last instance failed if it ended by itself with a failure.
    func noteEnd() {
        guard let process, process.hasEnded else { return }
        if process.status != 0 {
            failures.append("\(name) segment \(segments.count) exited \(process.status ?? -1): \(process.errorTail)")
        }
        self.process = nil
    }
}
