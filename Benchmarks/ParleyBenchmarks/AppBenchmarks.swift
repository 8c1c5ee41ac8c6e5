import Foundation
import ParleyApp
import ParleyContracts
import ParleyCore
import ParleyStorage
import ParleyViews
import Synchronization

// The app above the services: what a person watching a busy room pays for each message that arrives.
let appBenchmarks: [Benchmark] = [
    Benchmark(name: "app.flood") { try await appFlood() }
]

// MARK: - A flood into the watched room

/// One app instance, signed in and looking at #general, drawing every frame as the terminal would, while
/// another process stores `count` messages into #general one request each. Figures: the app's CPU per
/// message, and the time from the first message sent to the last one in the app's timeline.
private func appFlood() async throws {
    // `PARLEY_BENCH_FLOOD` sets a smaller flood, for a build too slow to take 20,000 in a few minutes.
    let count = Int(ProcessInfo.processInfo.environment["PARLEY_BENCH_FLOOD"] ?? "") ?? 20_000
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("parley-bench-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: root) }
    let environment = try AppEnvironment.resolve(
        dataPath: root.appendingPathComponent("data").path,
        configPath: root.appendingPathComponent("no-settings.toml").path)
    let lastText = RawFloodText.text(count - 1)
    let watcher = FloodWatcher(lastText: lastText)
    let app = await AppInstance.start(environment, width: 120, height: 40) { state in
        watcher.frames.add(1, ordering: .relaxed)
        // Drawn as the terminal draws it: the whole screen into a cell grid.
        _ = ChatScreenView(state: state).render()
        let room = state.chat.currentRoom.flatMap { state.chat.timelines[$0] }
        if room?.last?.text == lastText { watcher.sawLast.store(true, ordering: .releasing) }
        if state.chat.currentRoom != nil, room != nil { watcher.inRoom.store(true, ordering: .releasing) }
    }
    let running = Task { await app.loop.run() }
    for character in "/register watcher correct-horse-battery" { app.loop.send(.input(.key(.character(character)))) }
    app.loop.send(.input(.key(.enter)))
    try await waitUntil(seconds: 60, "the watcher never got into #general") {
        watcher.inRoom.load(ordering: .acquiring)
    }

    let child = try MessagingChild.launch(mode: "flood", directory: environment.dataDirectory, count: count)
    try await child.waitFor("ready")
    let framesBefore = watcher.frames.load(ordering: .relaxed)
    let cpuBefore = processCPUSeconds()
    let start = ContinuousClock.now
    child.send("go")
    try await child.waitFor("done")
    let writerDone = nanoseconds(ContinuousClock.now - start) / 1e9
    try await waitUntil(seconds: 1_200, "the last message never reached the timeline") {
        watcher.sawLast.load(ordering: .acquiring)
    }
    let onScreen = nanoseconds(ContinuousClock.now - start) / 1e9
    let cpu = processCPUSeconds() - cpuBefore
    figure("app.flood.cpu_per_message", cpu / Double(count) * 1e3, "ms")
    figure("app.flood.last_on_screen", onScreen, "s", reference: "writer-finished", writerDone)
    figure("app.flood.frames", Double(watcher.frames.load(ordering: .relaxed) - framesBefore), "frames")
    app.loop.send(.input(.hangup))
    await running.value
    await app.close()
}

/// What the render closure saw, read by the benchmark's task.
private final class FloodWatcher: Sendable {
    let lastText: String
    let sawLast = Atomic<Bool>(false)
    let inRoom = Atomic<Bool>(false)
    let frames = Atomic<Int>(0)
    init(lastText: String) { self.lastText = lastText }
}

/// The text of flood message `index`, the same in the writer and the watcher.
enum RawFloodText {
    static func text(_ index: Int) -> String { "flood message \(index) from the other process" }
}

/// User and system CPU time this process has used so far.
func processCPUSeconds() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1e6 }
    return seconds(usage.ru_utime) + seconds(usage.ru_stime)
}

struct BenchTimeout: Error, CustomStringConvertible {
    let description: String
}

/// Polls `condition` every few milliseconds, up to `seconds`.
func waitUntil(seconds: Double, _ failure: String, _ condition: () -> Bool) async throws {
    let deadline = ContinuousClock.now + .seconds(seconds)
    while !condition() {
        guard ContinuousClock.now < deadline else { throw BenchTimeout(description: failure) }
        try await Task.sleep(for: .milliseconds(5))
    }
}
