import Foundation
import ParleyContracts
import ParleyTestKit
import ScenarioRunner
import Testing

/// The runner, driven with scripts built step by step (the parser has tests of its own): real app instances
/// with real services on a temporary data directory, and screens read as text.
@Suite(.timeLimit(.minutes(2)))
struct ScenarioRunTests {
    /// A script whose steps are numbered from line 1, as if written one a line.
    static func script(_ directives: [ScenarioScript.Directive]) -> ScenarioScript {
        ScenarioScript(
            file: "test.scenario",
            steps: directives.enumerated().map { index, directive in
                ScenarioScript.Step(line: index + 1, directive: directive, source: "\(directive)")
            })
    }

    static func options(_ directory: TemporaryDirectory) -> ScenarioRunner.Options {
        ScenarioRunner.Options(
            dataDirectory: directory.dataDirectory.url.path, configPath: directory.testSettings().path,
            outputDirectory: directory.url)
    }

    /// Signing up hashes a password with scrypt, which takes a while in a debug build.
    static func signUp(_ name: String) -> [ScenarioScript.Directive] {
        [
            .user(name), .send("/register \(name) password-of-\(name)"),
            .expectScreenContains("signed in as \(name)"), .expectScreenContains("1 #general"),
        ]
    }

    @Test func twoSessionsOnOneDataDirectoryChat() async throws {
        let directory = TemporaryDirectory("scenario-chat")
        defer { directory.remove() }
        let script = Self.script(
            [.size(width: 90, height: 24), .timeout(.seconds(30))] + Self.signUp("alice") + Self.signUp("bob") + [
                .send("hello from bob"),
                .user("alice"), .expectScreenContains("bob: hello from bob"),
                .expectScreenLacks("hello from carol"),
                .expectOutbox(0),
                .snapshot("alice-sees-bob"),
            ])
        let report = try await ScenarioRunner.run(script, options: Self.options(directory))
        #expect(report.steps == script.steps.count)
        #expect(report.sessions == 2)
        let snapshot = try String(contentsOf: directory.file("alice-sees-bob.txt"), encoding: .utf8)
        #expect(snapshot.contains("bob: hello from bob"))
        #expect(snapshot.split(separator: "\n").count == 24)
    }

    @Test func aFailedExpectationNamesTheLineAndShowsTheScreen() async throws {
        let directory = TemporaryDirectory("scenario-fail")
        defer { directory.remove() }
        let script = Self.script([.user("alice"), .timeout(.milliseconds(200)), .expectScreenContains("no such text")])
        do {
            _ = try await ScenarioRunner.run(script, options: Self.options(directory))
            Issue.record("the run passed")
        } catch let failure as ScenarioFailure {
            #expect(failure.line == 3)
            #expect(failure.reason == "\"no such text\" never showed on the screen within 200ms")
            #expect(failure.session == "alice")
            #expect(failure.screen?.contains("Welcome to Parley") == true)
            #expect(failure.description.hasPrefix("test.scenario:3: "))
        }
    }

    @Test func aServiceStoppedFromTheInputLineIsSeenStoppedAndStartsAgain() async throws {
        let directory = TemporaryDirectory("scenario-service")
        defer { directory.remove() }
        let script = Self.script([
            .user("alice"), .timeout(.seconds(20)),
            .send("/service stop media"), .expectService(name: "media", state: .stopped),
            .expectScreenContains("media stopped"),
            .press(.function(12)), .expectScreenContains("media      stopped"),
            .press(.escape), .send("/service start media"), .expectService(name: "media", state: .running),
        ])
        _ = try await ScenarioRunner.run(script, options: Self.options(directory))
    }

    @Test func afterQuitTheSessionIsGoneUntilUserStartsItAgain() async throws {
        let directory = TemporaryDirectory("scenario-quit")
        defer { directory.remove() }
        let quitThenType = Self.script([
            .user("alice"), .timeout(.seconds(20)), .send("/quit"), .type("x"),
        ])
        await #expect(throws: ScenarioFailure.self) {
            try await ScenarioRunner.run(quitThenType, options: Self.options(directory))
        }
        let quitThenReturn = Self.script([
            .user("alice"), .timeout(.seconds(20)), .send("/quit"),
            .user("alice"), .expectScreenContains("Welcome to Parley"),
        ])
        let report = try await ScenarioRunner.run(quitThenReturn, options: Self.options(directory))
        #expect(report.sessions == 2)
    }

    @Test func anExpectationSeesWhatTheKeysBeforeItDid() async throws {
        let directory = TemporaryDirectory("scenario-settle")
        defer { directory.remove() }
        // The message waits in the outbox; an expectation read before the keys were acted on would say 0.
        let script = Self.script(
            [.timeout(.seconds(30))] + Self.signUp("alice") + [
                .send("/service stop messaging"), .expectService(name: "messaging", state: .stopped),
                .send("this waits in the outbox"), .timeout(.milliseconds(300)), .expectOutbox(0),
            ])
        await #expect(throws: ScenarioFailure.self) {
            try await ScenarioRunner.run(script, options: Self.options(directory))
        }
    }

    /// Written the obvious way, with no `expect` or `wait` to pace it: each `send` waits until the app has
    /// answered what it asked, so `/join` finds ann signed in and `hello` goes to her room.
    @Test func aScriptWithNoPacingLinesWaitsForEachAnswer() async throws {
        let directory = TemporaryDirectory("scenario-obvious")
        defer { directory.remove() }
        let script = Self.script([
            .user("ann"), .timeout(.seconds(60)), .send("/register ann password-1"), .send("/join #general"),
            .send("hello"), .snapshot("ann"),
        ])
        _ = try await ScenarioRunner.run(script, options: Self.options(directory))
        // Read from the snapshot, taken with no expectation before it: the screen already showed the outcome.
        let screen = try String(contentsOf: directory.file("ann.txt"), encoding: .utf8)
        #expect(screen.contains("ann: hello"))
        #expect(!screen.contains("sign in first"))
    }

    @Test func aStepWhoseRequestsAreNotAnsweredInTimeNamesThem() async throws {
        let directory = TemporaryDirectory("scenario-outstanding")
        defer { directory.remove() }
        // Signing up hashes a password (tens of milliseconds even in a release build): not done in 1 ms.
        let script = Self.script([
            .user("ann"), .timeout(.seconds(30)), .type("/register ann password-1"), .timeout(.milliseconds(1)),
            .press(.enter),
        ])
        do {
            _ = try await ScenarioRunner.run(script, options: Self.options(directory))
            Issue.record("the run passed")
        } catch let failure as ScenarioFailure {
            #expect(failure.line == 5)
            #expect(failure.reason.hasPrefix("the app was still waiting for "))
            #expect(failure.reason.hasSuffix(" after 1ms"))
        }
    }

    @Test func aStepThatNeedsASessionBeforeAnyUserIsASyntaxError() async throws {
        let directory = TemporaryDirectory("scenario-nouser")
        defer { directory.remove() }
        let script = Self.script([.size(width: 80, height: 24), .send("hello")])
        await #expect(
            throws: ScenarioSyntaxError(
                file: "test.scenario", line: 2,
                reason:
                    "\"\(ScenarioScript.Directive.send("hello"))\" needs a session; start one first with `user NAME`")
        ) {
            try await ScenarioRunner.run(script, options: Self.options(directory))
        }
    }
}

/// The outbox survives quitting: sent while messaging was off, it goes at the next sign-in.
@Suite(.timeLimit(.minutes(2)))
struct OutboxScenarioTests {
    @Test func aMessageLeftInTheOutboxGoesAfterTheAppIsStartedAgain() async throws {
        let directory = TemporaryDirectory("scenario-outbox")
        defer { directory.remove() }
        let script = ScenarioRunTests.script(
            [.timeout(.seconds(30))] + ScenarioRunTests.signUp("alice") + [
                .send("/service stop messaging"), .expectService(name: "messaging", state: .stopped),
                .send("said while it was off"), .expectScreenContains("alice: said while it was off (pending)"),
                .expectOutbox(1),
                .send("/quit"),
                .user("alice"), .send("/login alice password-of-alice"), .expectScreenContains("1 #general"),
                .expectScreenContains("alice: said while it was off"), .expectScreenLacks("(pending)"),
                .expectOutbox(0),
            ])
        _ = try await ScenarioRunner.run(script, options: ScenarioRunTests.options(directory))
        let outbox = directory.dataDirectory.url.appendingPathComponent("client.sqlite")
        let attributes = try FileManager.default.attributesOfItem(atPath: outbox.path)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
    }
}
