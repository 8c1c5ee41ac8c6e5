import Foundation
import ParleyApp
import ParleyContracts
import ServiceRuntime

/// One run of a script: its sessions by name, the current one, and the settings directives have made.
/// Used from the one task that runs the script.
final class ScenarioRun {
    private let script: ScenarioScript
    private var environment: AppEnvironment
    private let outputDirectory: URL
    private var sessions: [String: ScenarioSession] = [:]
    private var current: ScenarioSession?
    private var size = (width: 100, height: 30)
    private var timeout = Duration.seconds(2)
    private(set) var sessionsStarted = 0

    init(script: ScenarioScript, environment: AppEnvironment, outputDirectory: URL) {
        self.script = script
        self.environment = environment
        self.outputDirectory = outputDirectory
    }

    func perform(_ step: ScenarioScript.Step) async throws {
        switch step.directive {
        case .size, .timeout, .wait, .server:
            break
        default:
            // Each step meets the app once it has acted on every key pressed before, as a person waits for
            // the screen: an expectation never reads a frame from before them.
            await current?.settle()
        }
        switch step.directive {
        case let .size(width, height): size = (width, height)
        case let .timeout(duration): timeout = duration
        case let .wait(duration): try await Task.sleep(for: duration)
        case let .user(name): await switchTo(name)
        case let .type(text): try await answered(step) { try await type(text, at: step) }
        case let .press(key): try await answered(step) { try await session(for: step).press(key) }
        case let .send(text):
            try await answered(step) {
                try await type(text, at: step)
                try await session(for: step).press(.enter)
            }
        case let .expectScreenContains(text):
            try await expect(step, "\"\(text)\" never showed on the screen within \(within)") {
                $0.screen.contains(text)
            }
        case let .expectScreenLacks(text):
            try await expect(step, "\"\(text)\" stayed on the screen within \(within)") { !$0.screen.contains(text) }
        case let .expectService(named, state):
            let name = ServiceName(rawValue: named)
            try await expect(
                step, "\(name) stayed \(currentState(of: name)) instead of \(state.rawValue) within \(within)"
            ) { $0.state(of: name) == state }
        case let .expectOutbox(count):
            var seen = 0
            try await expect(step, "\(current?.name ?? "") has \(seen) undelivered after \(within), not \(count)") {
                seen = await $0.undelivered()
                return seen == count
            }
        case let .expectBells(count):
            var rung = 0
            try await expect(step, "\(current?.name ?? "")'s bell rang \(rung) times after \(within), not \(count)") {
                rung = $0.bellsRung
                return rung == count
            }
        case let .snapshot(name):
            try await snapshot(name, at: step)
        case let .server(url):
            do {
                environment = try environment.with(server: url)
            } catch {
                throw failure(step, "\(error)", current)
            }
        }
    }

    /// Quits every app instance still running and waits for their services to stop.
    func closeAll() async {
        for session in sessions.values { await session.close() }
        sessions = [:]
        current = nil
    }

    // MARK: - Steps

    private func switchTo(_ name: String) async {
        if let existing = sessions[name] {
            await existing.settle()
            guard await existing.isQuitting() else {
                current = existing
                return
            }
            // `/quit` ends an instance; `user` with the same name starts a new one once it has gone.
            await existing.close()
        }
        // With a homeserver, each person is on a machine of their own: their own data directory.
        let session = await ScenarioSession.start(
            name: name, environment: environment.server == nil ? environment : environment.person(name),
            width: size.width, height: size.height)
        sessions[name] = session
        current = session
        sessionsStarted += 1
    }

    /// Types `text` key by key as a terminal would deliver it: Return and newline are Enter, Escape is Esc,
    /// tab is Tab, DEL is Backspace, and other control characters are Ctrl with their letter.
    private func type(_ text: String, at step: ScenarioScript.Step) async throws {
        let session = try await session(for: step)
        for character in text { session.press(Self.key(typing: character)) }
    }

    static func key(typing character: Character) -> Key {
        guard let scalar = character.unicodeScalars.first, character.unicodeScalars.count == 1 else {
            return .character(character)
        }
        switch scalar.value {
        case 0x0A, 0x0D: return .enter
        case 0x09: return .tab
        case 0x1B: return .escape
        case 0x7F, 0x08: return .backspace
        case 0x01...0x1A: return .control(Character(Unicode.Scalar(scalar.value + 0x60)!))
        default: return .character(character)
        }
    }

    private func snapshot(_ name: String, at step: ScenarioScript.Step) async throws {
        let session = try await session(for: step)
        let file = outputDirectory.appendingPathComponent("\(name).txt")
        do {
            try FileManager.default.createDirectory(at: outputDirectory, withIntermediateDirectories: true)
            try Data((session.screen + "\n").utf8).write(to: file)
        } catch {
            throw failure(step, "cannot write the snapshot \(file.path): \(error.localizedDescription)", session)
        }
    }

    /// Presses keys with `body`, then waits, up to the timeout, until the app has handled them and everything they
    /// asked of its services has been answered, has failed or went to the outbox: the next line of the script
    /// sees their outcome, as a person waits for the screen before typing on. Fails naming what is still awaited.
    private func answered(_ step: ScenarioScript.Step, _ body: () async throws -> Void) async throws {
        let session = try await session(for: step)
        let first = session.queuedCount + 1
        try await body()
        let last = max(first, session.queuedCount)
        let outstanding = await session.settle(answering: first...last, within: timeout)
        guard outstanding.isEmpty else {
            throw failure(
                step, "the app was still waiting for \(outstanding.joined(separator: ", ")) after \(within)", session)
        }
    }

    // MARK: - Helpers

    /// How long expectations wait, as the failures say it.
    private var within: String { timeout.shortDescription }

    /// Waits up to the timeout for `holds`; fails the step with `reason` (read once it has failed) and the
    /// screen if it never does.
    private func expect(
        _ step: ScenarioScript.Step, _ reason: @autoclosure () -> String,
        _ holds: (ScenarioSession) async -> Bool
    ) async throws {
        let session = try await session(for: step)
        guard await poll(for: timeout, every: .milliseconds(10), until: { await holds(session) }) else {
            throw failure(step, reason(), session)
        }
    }

    private func currentState(of service: ServiceName) -> String {
        current?.state(of: service)?.rawValue ?? "unknown"
    }

    /// The current session, if its app instance still runs.
    private func session(for step: ScenarioScript.Step) async throws -> ScenarioSession {
        guard let current else {
            throw failure(step, "no session yet; start one with `user NAME`", nil)
        }
        guard await !current.isQuitting() else {
            throw failure(
                step, "\(current.name)'s app has quit; `user \(current.name)` starts it again", current)
        }
        return current
    }

    private func failure(_ step: ScenarioScript.Step, _ reason: String, _ session: ScenarioSession?)
        -> ScenarioFailure
    {
        ScenarioFailure(
            file: script.file, line: step.line, step: step.source, reason: reason, session: session?.name,
            screen: session?.screen)
    }
}
