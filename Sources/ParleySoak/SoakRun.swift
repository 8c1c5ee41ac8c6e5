import Foundation

/// The soak: several `parley script` processes of several users send thousands of messages on one data
/// directory while their scripts fault the services and a chaos loop kills whole processes with SIGKILL at
/// random moments, starting each again; then every user signs in once more to send what was left, and the
/// databases are checked against what the senders were shown.
struct SoakRun {
    let workspace: SoakWorkspace
    let seconds: Int
    let seed: UInt64

    /// Four terminals: alice in two at once (one user's instances share an outbox), bob and carol in one each.
    static let lanes = [("a1", "alice"), ("a2", "alice"), ("b1", "bob"), ("c1", "carol")]

    /// Runs the soak, prints its figures, and returns whether nothing was lost, duplicated or reordered and
    /// every database is whole.
    func run() throws -> Bool {
        var random = SoakRandom(seed: seed)
        print("soak: seed \(seed), \(seconds) s of chaos, data in \(workspace.data.path)")
        let users = Array(Set(Self.lanes.map(\.1))).sorted()
        try workspace.runToEnd(registering(users), named: "register", within: .seconds(180))
        let lanes = Self.lanes.map { Lane(name: $0.0, user: $0.1) }
        let kills = try chaos(lanes, random: &random)
        try drain(users)
        let log = SenderLog(lanes: lanes, workspace: workspace)
        let alone = Set(Self.lanes.filter { lane in Self.lanes.filter { $0.1 == lane.1 }.count == 1 }.map(\.0))
        let verdict = try SoakVerdict(data: workspace.data, log: log, oneInstanceAtATime: alone)
        report(verdict, log: log, lanes: lanes, kills: kills)
        return verdict.passed
    }

    private func registering(_ users: [String]) -> String {
        var lines = ["timeout 60s"]
        for user in users {
            lines += [
                "user \(user)", "send /register \(user) \(SegmentScript.password(of: user))",
                "expect screen contains #general", "send /quit",
            ]
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Keeps every lane running, killing one at random every 1 to 5 seconds, until the time is up; then kills
    /// those still running. Returns the number of kills.
    private func chaos(_ lanes: [Lane], random: inout SoakRandom) throws -> Int {
        let clock = ContinuousClock()
        let end = clock.now + .seconds(seconds)
        var nextKill = clock.now + .milliseconds(Int.random(in: 1000...5000, using: &random))
        var kills = 0
        while clock.now < end {
            for lane in lanes where !lane.isRunning { try lane.startNext(workspace, random: &random) }
            if clock.now >= nextKill, let victim = lanes.filter(\.isRunning).randomElement(using: &random) {
                if victim.kill() { kills += 1 }
                nextKill = clock.now + .milliseconds(Int.random(in: 1000...5000, using: &random))
            }
            usleep(20_000)
        }
        for lane in lanes {
            lane.noteEnd()
            if lane.kill() { kills += 1 }
        }
        return kills
    }

    /// Every user signs in once more, with no chaos, and stays until the outbox is empty: the instances the
    /// chaos killed left their messages to the next sign-in.
    private func drain(_ users: [String]) throws {
        for user in users {
            let script = [
                "timeout 120s", "user \(user)", "send /login \(user) \(SegmentScript.password(of: user))",
                "expect screen contains #general", "expect outbox 0",
                // A tick later (5 s), the outbox is read again: anything taken over then goes too.
                "wait 6s", "expect outbox 0",
            ]
            try workspace.runToEnd(script.joined(separator: "\n") + "\n", named: "drain-\(user)", within: .seconds(240))
        }
    }

    private func report(_ verdict: SoakVerdict, log: SenderLog, lanes: [Lane], kills: Int) {
        let failures = lanes.flatMap(\.failures)
        for failure in failures { print("soak: a script failed: \(failure)") }
        for (message, screen) in log.notShown.prefix(5) {
            print("soak: \(message) was not shown as sent; its snapshot:\n\(screen)")
        }
        figure("soak.messages", verdict.stored.count, "msgs")
        figure("soak.accepted", log.accepted.count, "msgs")
        figure("soak.typed", log.planned, "msgs planned")
        figure("soak.faults", log.faults, "faults")
        figure("soak.kills", kills, "kills")
        figure("soak.processes", lanes.map(\.segments.count).reduce(0, +), "processes")
        figure("soak.script_failures", failures.count, "scripts")
        figure("soak.not_shown", log.notShown.count, "msgs")
        figure("soak.outbox_left", verdict.leftInOutbox, "msgs")
        figure("soak.lost", verdict.lost.count, "msgs")
        figure("soak.duplicated", verdict.duplicated.count, "msgs")
        figure("soak.reordered", verdict.reordered.count, "msgs")
        figure("soak.integrity_errors", verdict.integrityErrors.count, "")
        for (label, messages) in [("lost", verdict.lost), ("duplicated", verdict.duplicated)] where !messages.isEmpty {
            print("soak: \(label): " + messages.prefix(50).map(\.text).joined(separator: " "))
        }
        if !verdict.reordered.isEmpty {
            print(
                "soak: stored after a later message of their sender: "
                    + verdict.reordered.prefix(50).map(\.text).joined(separator: " "))
        }
        for error in verdict.integrityErrors.prefix(20) { print("soak: integrity: \(error)") }
    }
}

/// One figure on a line of its own, as the benchmarks print them.
func figure(_ name: String, _ value: Int, _ unit: String) {
    print("figure \(name) \(value)\(unit.isEmpty ? "" : " \(unit)")")
}
