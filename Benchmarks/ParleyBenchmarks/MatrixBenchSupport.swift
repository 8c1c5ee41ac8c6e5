import Foundation
import MatrixClient

/// What every Matrix benchmark needs: the homeserver `make bench` started, names nobody used, settings, and
/// plain clients of the server that stand for the other people.
enum MatrixBench {
    /// The throwaway Synapse that `scripts/homeserver run` started for this run (`PARLEY_TEST_HOMESERVER`).
    static func homeserver() throws -> String {
        let environment = ProcessInfo.processInfo.environment
        if let url = environment["PARLEY_TEST_HOMESERVER"], !url.isEmpty { return url }
        let why = environment["PARLEY_TEST_HOMESERVER_ERROR"] ?? "PARLEY_TEST_HOMESERVER is not set"
        throw MatrixBenchFailure(
            description: "the Matrix benchmarks need the test homeserver (`make bench BENCH=matrix` starts it): \(why)")
    }

    /// Every benchmark user's password.
    static let password = "correct-horse-battery"

    /// A user or room name no other run used: `prefix` and a random suffix.
    static func uniqueName(_ prefix: String) -> String {
        "\(prefix)-\(UUID().uuidString.prefix(8).lowercased())"
    }

    /// A settings file in `root` with a generous request deadline: a busy machine may take seconds over a
    /// homeserver call, and a request given up would measure the deadline, not the app.
    static func settingsFile(in root: URL) throws -> URL {
        let file = root.appendingPathComponent("config.toml")
        try Data("[services]\nrequest_timeout_ms = 60000\n".utf8).write(to: file)
        return file
    }

    /// A count from the environment (`PARLEY_BENCH_…`), for a machine too slow for the full figure; else
    /// `standard`.
    static func count(_ variable: String, standard: Int) -> Int {
        Int(ProcessInfo.processInfo.environment[variable] ?? "").flatMap { $0 > 0 ? $0 : nil } ?? standard
    }

    /// A fresh user of `server` signed in through a plain client (not Parley).
    static func plainUser(_ prefix: String, server: String) async throws -> MatrixClient {
        let client = MatrixClient(homeserver: try Homeserver(server))
        do {
            try await client.register(username: uniqueName(prefix), password: password)
            return client
        } catch {
            try? await client.shutdown()
            throw error
        }
    }

    /// Sends `count` texts made by `text` into `room`, `concurrency` at a time (the server is the slow part:
    /// this fills it as fast as it takes them). Which of them the server stores last is not fixed.
    static func flood(
        _ client: MatrixClient, room: String, count: Int, concurrency: Int = 8,
        text: @escaping @Sendable (Int) -> String
    ) async throws {
        let run = UUID().uuidString.prefix(8)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for worker in 0..<concurrency {
                group.addTask {
                    // Each worker takes every `concurrency`-th message.
                    for index in stride(from: worker, to: count, by: concurrency) {
                        _ = try await client.send(.text(text(index)), to: room, transactionID: "flood-\(run)-\(index)")
                    }
                }
            }
            try await group.waitForAll()
        }
    }
}

struct MatrixBenchFailure: Error, CustomStringConvertible {
    let description: String
}

func milliseconds(since start: ContinuousClock.Instant, to end: ContinuousClock.Instant = .now) -> Double {
    nanoseconds(end - start) / 1e6
}
