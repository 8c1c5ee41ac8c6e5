import Foundation
import ParleyTestKit
import ScenarioRunner
import Testing

/// Runs `Resources/scenarios/NAME.scenario` as shipped, on a temporary data directory whose files (snapshots
/// included) `check` may read before the directory is removed.
private func runShippedScenario(
    _ name: String, then check: (TemporaryDirectory) throws -> Void = { _ in }
) async throws {
    let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Resources/scenarios/\(name).scenario")
    let directory = TemporaryDirectory("scenario-\(name)")
    defer { directory.remove() }
    let script = try ScenarioScript.parse(String(contentsOf: file, encoding: .utf8), file: file.path)
    _ = try await ScenarioRunner.run(script, options: ScenarioRunTests.options(directory))
    try check(directory)
}

/// The shipped conversation scenario on the local backend: mentions and direct messages ring the bell once
/// each, the room list counts the mention, days are separated and Tab completes a mention.
@Suite(.timeLimit(.minutes(4)))
struct ConversationScenarioTests {
    @Test func theConversationScenarioPasses() async throws {
        try await runShippedScenario("conversations") { directory in
            let snapshot = try String(contentsOf: directory.file("alice-after-mentions.txt"), encoding: .utf8)
            #expect(snapshot.contains("alice: see you @bob"))
            #expect(snapshot.contains("──── Today ────"))
        }
    }
}

/// The shipped reactions scenario on the local backend.
@Suite(.timeLimit(.minutes(4)))
struct ReactionScenarioTests {
    @Test func theReactionsScenarioPasses() async throws {
        try await runShippedScenario("reactions") { directory in
            let snapshot = try String(contentsOf: directory.file("bob-after-unreact.txt"), encoding: .utf8)
            #expect(snapshot.contains("alice: lunch at noon?"))
            #expect(snapshot.contains("👍 1  🎉 1"))
        }
    }
}

/// The shipped typing scenario on the local backend.
@Suite(.timeLimit(.minutes(4)))
struct TypingScenarioTests {
    @Test func theTypingScenarioPasses() async throws {
        try await runShippedScenario("typing")
    }
}

/// The shipped read-receipts scenario on the local backend.
@Suite(.timeLimit(.minutes(4)))
struct ReceiptScenarioTests {
    @Test func theReceiptsScenarioPasses() async throws {
        try await runShippedScenario("receipts") { directory in
            let snapshot = try String(contentsOf: directory.file("alice-after-receipt.txt"), encoding: .utf8)
            #expect(snapshot.contains("alice: lunch at noon? ✓✓ read by bob"))
        }
    }
}
