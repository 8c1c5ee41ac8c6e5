import Foundation

/// A Synapse of one test's own, which the test stops and starts again on the same port and data: a
/// homeserver going away mid-conversation and coming back. The shared one (`TestHomeserver`) is never
/// stopped, since other suites use it at the same time.
///
/// It runs through `scripts/homeserver start|stop DIR`, owned by this process: if the tests crash, the
/// script's watcher stops it.
public final class PrivateHomeserver: Sendable {
    /// `http://127.0.0.1:PORT`, the same after every restart.
    public let url: String
    private let directory: TemporaryDirectory

    /// Starts a fresh homeserver. Fails, saying why, when there is no test homeserver at all (Synapse could
    /// not be installed) or this one does not start.
    public static func start(_ label: String = "homeserver") async throws -> PrivateHomeserver {
        _ = try TestHomeserver.current()
        let directory = TemporaryDirectory(label)
        do {
            let url = try await script("start", directory)
            return PrivateHomeserver(url: url, directory: directory)
        } catch {
            directory.remove()
            throw error
        }
    }

    private init(url: String, directory: TemporaryDirectory) {
        self.url = url
        self.directory = directory
    }

    /// Stops the server (SIGTERM, then SIGKILL after a while); its data stays for `restart()`.
    public func stop() async throws {
        _ = try await Self.script("stop", directory)
    }

    /// Starts the server again on the same port and data, and waits until it answers.
    public func restart() async throws {
        let again = try await Self.script("start", directory)
        guard again == url else {
            throw TestHomeserver.Unavailable(description: "The homeserver came back at \(again), not at \(url).")
        }
    }

    /// Stops the server and removes its data.
    public func remove() async {
        _ = try? await Self.script("stop", directory)
        directory.remove()
    }

    /// `scripts/homeserver`, found from this source file: the tests run from the checkout they were built in.
    private static let scriptURL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("scripts/homeserver")

    /// Runs the script on a thread of its own (starting Synapse takes seconds, tens on a busy machine, which
    /// must not hold one of the few threads async tests share); returns what it printed.
    private static func script(_ verb: String, _ directory: TemporaryDirectory) async throws -> String {
        let arguments = [verb, directory.file("synapse").path] + (verb == "start" ? ["--owner", "\(getpid())"] : [])
        let result = try await withCheckedThrowingContinuation { continuation in
            Thread.detachNewThread {
                continuation.resume(with: Result { try runCommand(scriptURL, arguments) })
            }
        }
        guard result.status == 0 else {
            let reason = result.errorOutput.split(separator: "\n").last.map(String.init) ?? "no reason given"
            throw TestHomeserver.Unavailable(
                description: "scripts/homeserver \(verb) failed (status \(result.status)): \(reason)")
        }
        return result.output.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
