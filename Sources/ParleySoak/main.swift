import Foundation

// `make soak`: the release `parley` under chaos, then checked; `ParleySoak quit` measures `/quit` alone.
// SOAK_SECONDS sets how long the chaos lasts (default 150), SOAK_SEED replays a run's random choices.
let sibling = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    .appendingPathComponent("parley").path
let parley = ProcessInfo.processInfo.environment["PARLEY_SOAK_BINARY"] ?? sibling
guard FileManager.default.isExecutableFile(atPath: parley) else {
    print("soak: \(parley) is missing: build it with `swift build -c release --product parley`")
    exit(2)
}
let mode = CommandLine.arguments.dropFirst().first ?? "all"
let environment = ProcessInfo.processInfo.environment
let seconds = environment["SOAK_SECONDS"].flatMap(Int.init) ?? 150
let seed = environment["SOAK_SEED"].flatMap(UInt64.init) ?? UInt64.random(in: 1...UInt64.max)
do {
    var passed = true
    if mode == "all" || mode == "chaos" {
        let workspace = try SoakWorkspace(parley: parley)
        passed = try SoakRun(workspace: workspace, seconds: seconds, seed: seed).run()
        if passed {
            workspace.remove()
        } else {
            print("soak: FAILED; its data directory, scripts, logs and snapshots are kept in \(workspace.root.path)")
        }
    }
    if mode == "all" || mode == "quit" { try QuitTiming(parley: parley).run() }
    exit(passed ? 0 : 1)
} catch {
    print("soak: \(error)")
    exit(1)
}
