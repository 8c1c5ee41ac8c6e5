import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// How long `/quit` takes, from the keys to the end of the process, with messaging stalled by the debug
/// panel's fault keys (each request held 500 ms, then failed) and messages waiting: the release `parley` on a
/// pseudo-terminal, as a person's terminal runs it. The issue asks for 500 ms at most.
struct QuitTiming {
    let parley: String

    func run(times: Int = 5) throws {
        var walls: [Double] = []
        for round in 0..<times {
            let workspace = try SoakWorkspace(parley: parley)
            defer { workspace.remove() }
            let terminal = try SoakTerminal(
                parley, arguments: ["--data", workspace.data.path, "--config", workspace.settings.path])
            defer { terminal.end() }
            try terminal.type("/register quitter\(round) password-of-quitter\r", until: "#general")
            // F12 opens the panel, Down picks messaging, `s` slows it and `f` fails it; F12 closes the panel.
            try terminal.type("\u{1B}[24~\u{1B}[Bs", until: "slow, each")
            try terminal.type("f", until: "failing every")
            try terminal.type("\u{1B}[24~", until: "#general")
            // Five messages, each on its way or waiting to go again; a moment for the app to take them in.
            terminal.send((1...5).map { "waiting \($0)\r" }.joined())
            terminal.idle(for: .seconds(1))
            let began = ContinuousClock.now
            terminal.send("/quit\r")
            guard terminal.waitForExit(within: .seconds(30)) else {
                throw ChildProcess.Failure(description: "parley was still running 30 s after /quit")
            }
            let elapsed = ContinuousClock.now - began
            walls.append(Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15)
        }
        let sorted = walls.sorted()
        figure("quit.wall_ms", Int(sorted[sorted.count / 2].rounded()), "ms")
        figure("quit.wall_ms.max", Int((sorted.last ?? 0).rounded()), "ms")
    }
}
