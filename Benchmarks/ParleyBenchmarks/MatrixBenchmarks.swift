import Foundation
import MatrixClient

// Parley against a real homeserver: the throwaway Synapse that `make bench BENCH=matrix` starts beside these
// (scripts/homeserver). The time from one person's Enter to another person's screen, beside the server's own
// send; the release app opening on a cached account; the release app catching up after a flood that came
// while it was closed.
let matrixBenchmarks: [Benchmark] = [
    Benchmark(name: "matrix.send_to_show") { try await matrixSendToShow() },
    Benchmark(name: "matrix.first_frame.cached") { try await matrixFirstFrameCached() },
    Benchmark(name: "matrix.catch_up") { try await matrixCatchUp() },
]

// MARK: - From one person's Enter to the other's screen

/// Two app instances in this process, each with its own data directory and user, in one room. Ann types a
/// message and presses Enter; the figure is the time from that Enter to the first frame of Bob's app that
/// shows the message (it went through ann's messaging service, the homeserver, and Bob's sync loop, store
/// and app loop). One message at a time, `PARLEY_BENCH_SENDS` (200) of them. Between them, a plain client
/// sends into a room of its own: the homeserver's own `PUT /send` round trip, under the same load.
private func matrixSendToShow() async throws {
    let server = try MatrixBench.homeserver()
    let count = MatrixBench.count("PARLEY_BENCH_SENDS", standard: 200)
    let prefix = "send-to-show "
    let ann = try await MatrixBenchPerson.register("ann", server: server)
    let bob = try await MatrixBenchPerson.register("bob", server: server, watching: prefix)
    let plain = try await MatrixBench.plainUser("plain", server: server)
    let room = "#" + MatrixBench.uniqueName("show")
    try await ann.join(room)
    try await bob.join(room)
    let plainRoom = try await plain.createRoom(.privateRoom())
    var shown: [Double] = []
    var roundTrips: [Double] = []
    for index in 0..<count {
        let text = "\(prefix)\(index) of \(count)"
        ann.type(text)
        try await ann.settle()
        let enter = ContinuousClock.now
        ann.pressEnter()
        try await waitUntil(seconds: 60, "bob never saw message \(index)") { bob.firstDrawn(text) != nil }
        shown.append(milliseconds(since: enter, to: bob.firstDrawn(text) ?? enter))
        let began = ContinuousClock.now
        _ = try await plain.send(.text(text), to: plainRoom, transactionID: "round-trip-\(index)")
        roundTrips.append(milliseconds(since: began))
    }
    shown.sort()
    roundTrips.sort()
    figure("matrix.send_to_show.p50", percentile(shown, 0.5), "ms")
    figure("matrix.send_to_show.p99", percentile(shown, 0.99), "ms")
    figure("matrix.server_send_round_trip.p50", percentile(roundTrips, 0.5), "ms")
    figure("matrix.server_send_round_trip.p99", percentile(roundTrips, 0.99), "ms")
    let reference = percentile(roundTrips, 0.5)
    figure("matrix.send_to_show.p50.ratio", reference == 0 ? 0 : percentile(shown, 0.5) / reference, "x")
    await ann.close()
    await bob.close()
    try await plain.shutdown()
}
