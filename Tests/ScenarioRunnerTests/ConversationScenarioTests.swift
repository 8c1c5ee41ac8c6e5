import Foundation
import ParleyTestKit
import ScenarioRunner
import Testing

/// The shipped conversation scenario on the local backend: mentions and direct messages ring the bell once
/// each, the room list counts the mention, days are separated and Tab completes a mention.
@Suite(.timeLimit(.minutes(4)))
struct ConversationScenarioTests {
    static let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Resources/scenarios/conversations.scenario")

    @Test func theConversationScenarioPasses() async throws {
        let directory = TemporaryDirectory("scenario-conversations")
        defer { directory.remove() }
        let script = try ScenarioScript.parse(String(contentsOf: Self.file, encoding: .utf8), file: Self.file.path)
        _ = try await ScenarioRunner.run(script, options: ScenarioRunTests.options(directory))
        let snapshot = try String(contentsOf: directory.file("alice-after-mentions.txt"), encoding: .utf8)
        #expect(snapshot.contains("alice: see you @bob"))
        #expect(snapshot.contains("──── Today ────"))
    }
}

/// The shipped reactions scenario on the local backend.
@Suite(.timeLimit(.minutes(4)))
struct ReactionScenarioTests {
    static let file = ConversationScenarioTests.file.deletingLastPathComponent()
        .appendingPathComponent("reactions.scenario")

    @Test func theReactionsScenarioPasses() async throws {
        let directory = TemporaryDirectory("scenario-reactions")
        defer { directory.remove() }
        let script = try ScenarioScript.parse(String(contentsOf: Self.file, encoding: .utf8), file: Self.file.path)
        _ = try await ScenarioRunner.run(script, options: ScenarioRunTests.options(directory))
        let snapshot = try String(contentsOf: directory.file("bob-after-unreact.txt"), encoding: .utf8)
        #expect(snapshot.contains("alice: lunch at noon?"))
        #expect(snapshot.contains("👍 1  🎉 1"))
    }
}

/// The shipped typing scenario on the local backend.
@Suite(.timeLimit(.minutes(4)))
struct TypingScenarioTests {
    static let file = ConversationScenarioTests.file.deletingLastPathComponent()
        .appendingPathComponent("typing.scenario")

    @Test func theTypingScenarioPasses() async throws {
        let directory = TemporaryDirectory("scenario-typing")
        defer { directory.remove() }
        let script = try ScenarioScript.parse(String(contentsOf: Self.file, encoding: .utf8), file: Self.file.path)
        _ = try await ScenarioRunner.run(script, options: ScenarioRunTests.options(directory))
    }
}
