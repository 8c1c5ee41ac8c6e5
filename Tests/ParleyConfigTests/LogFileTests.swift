import Foundation
import ParleyConfig
import ParleyTestKit
import Testing

/// `parley.log` shared by several processes (issue 9, defect 4): every line lands whole at the end, and the
/// file is rotated at a size.
struct LogFileTests {
    /// Each `LogFile` has its own descriptor and file offset, as each process has: five of them used to write
    /// over each other's lines.
    @Test func severalWritersEachKeepEveryLineWhole() async throws {
        let directory = TemporaryDirectory("log-writers")
        defer { directory.remove() }
        let url = directory.file("parley.log")
        let writers = try (0..<5).map { _ in try LogFile(url: url) }
        await withTaskGroup(of: Void.self) { group in
            for (number, writer) in writers.enumerated() {
                group.addTask {
                    for line in 0..<200 { writer.append("writer \(number) line \(line) of the log\n") }
                }
            }
        }
        let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n")
        let expected = (0..<5).flatMap { number in (0..<200).map { "writer \(number) line \($0) of the log" } }
        #expect(lines.count == 1_000)
        #expect(Set(lines.map(String.init)) == Set(expected))
    }

    @Test func aFullLogIsMovedAsideAndANewOneStarted() throws {
        let directory = TemporaryDirectory("log-rotate")
        defer { directory.remove() }
        let url = directory.file("parley.log")
        let first = try LogFile(url: url, rotationSize: 1_000)
        let second = try LogFile(url: url, rotationSize: 1_000)
        for line in 0..<50 {
            (line.isMultiple(of: 2) ? first : second).append("line \(line) padded to be long enough\n")
        }
        let rotated = try String(contentsOfFile: url.path + ".1", encoding: .utf8)
        let current = try String(contentsOf: url, encoding: .utf8)
        #expect(rotated.utf8.count >= 1_000)
        #expect(current.utf8.count < 1_000)
        // Both writers moved on to the new file: the newest line is in it, and every line is whole.
        #expect(current.hasSuffix("line 49 padded to be long enough\n"))
        for line in (rotated + current).split(separator: "\n") {
            #expect(line.hasPrefix("line ") && line.hasSuffix(" padded to be long enough"))
        }
        let mode = try FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
    }

    @Test func aLogLeftOpenToOthersIsMadePrivate() throws {
        let directory = TemporaryDirectory("log-mode")
        defer { directory.remove() }
        let url = directory.file("parley.log")
        try Data("an older line\n".utf8).write(to: url)
        chmod(url.path, 0o644)
        _ = try LogFile(url: url)
        let mode = try FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
    }
}
