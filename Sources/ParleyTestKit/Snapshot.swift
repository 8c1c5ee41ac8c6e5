import Foundation
import Testing

/// Compares `text` (a whole screen) with the golden file `__Snapshots__/NAME.txt` beside the test file.
///
/// Run with `RECORD_SNAPSHOTS=1` to write the golden file from what the test produced; review the diff.
public func expectSnapshot(
    _ text: String, named name: String, filePath: StaticString = #filePath,
    sourceLocation: SourceLocation = #_sourceLocation
) {
    let directory = URL(fileURLWithPath: "\(filePath)").deletingLastPathComponent()
        .appendingPathComponent("__Snapshots__", isDirectory: true)
    let golden = directory.appendingPathComponent("\(name).txt")
    if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" {
        try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try? (text + "\n").write(to: golden, atomically: true, encoding: .utf8)
        return
    }
    guard let expected = try? String(contentsOf: golden, encoding: .utf8) else {
        Issue.record("no golden file \(golden.path); record it with RECORD_SNAPSHOTS=1", sourceLocation: sourceLocation)
        return
    }
    let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
    let actualLines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    #expect(
        actualLines == expectedLines, "screen differs from \(golden.lastPathComponent)", sourceLocation: sourceLocation)
}
