import Foundation
import ParleyStorage
import ParleyTestKit
import ScenarioRunner
import Testing

/// What goes wrong at start is said on the main screen, in a sentence naming the file and the problem, not
/// only in the debug panel (issue 9, defects 6 and 7).
@Suite(.timeLimit(.minutes(2)))
struct StartupProblemTests {
    static func run(_ directives: [ScenarioScript.Directive], in directory: TemporaryDirectory) async throws {
        let options = ScenarioRunner.Options(
            dataDirectory: directory.dataDirectory.url.path, outputDirectory: directory.url)
        _ = try await ScenarioRunner.run(
            OutboxWithServicesTests.script([.size(width: 240, height: 24), .timeout(.seconds(30))] + directives),
            options: options)
    }

    @Test func aStoreReplacedByADirectoryIsNamedOnTheMainScreen() async throws {
        let directory = TemporaryDirectory("startup-dir")
        defer { directory.remove() }
        try directory.dataDirectory.prepare()
        try FileManager.default.createDirectory(
            at: directory.dataDirectory.file("messages.sqlite"), withIntermediateDirectories: false)
        try await Self.run(
            [.user("alice"), .expectScreenContains("messages.sqlite is a directory, not a database")], in: directory)
    }

    @Test func aDataDirectoryOpenToOthersIsNamedOnceWithTheFix() async throws {
        let directory = TemporaryDirectory("startup-open")
        defer { directory.remove() }
        try directory.dataDirectory.prepare()
        chmod(directory.dataDirectory.path, 0o777)
        try await Self.run(
            [.user("alice"), .expectScreenContains("chmod 700 \(directory.dataDirectory.path)")], in: directory)
    }
}
