import AccountService
import Foundation
import ParleyContracts
import ParleyStorage
import ServiceRuntime

// Sign-in at the product's password cost (OWASP's scrypt setting), through the account service's host, and
// how long a heartbeat sent meanwhile waits: the hash runs off the request loop, so not behind it.
let accountBenchmarks: [Benchmark] = [
    Benchmark(name: "account.signin") { try await accountSignIn() }
]

private func accountSignIn() async throws {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("parley-bench-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: root) }
    let host = AccountService.makeHost(
        dataDirectory: DataDirectory(root.appendingPathComponent("data", isDirectory: true)),
        configuration: ServiceConfiguration(defaultTimeout: .seconds(60)))
    await host.start()
    defer { Task { await host.close() } }
    guard
        case let .session(session) = try await host.request(
            .register(name: "bench", password: "pw-bench", displayName: nil))
    else { return }
    let clock = ContinuousClock()
    var signIns: [Double] = []
    var heartbeats: [Double] = []
    var cpu: [Double] = []
    for _ in 0..<7 {
        let cpuStarted = processCPUNanoseconds()
        let started = clock.now
        let signIn = Task { try await host.request(.login(name: "bench", password: "pw-bench")) }
        let heartbeatStarted = clock.now
        _ = try await host.request(.heartbeat(token: session.token, presence: .online))
        heartbeats.append(nanoseconds(clock.now - heartbeatStarted))
        _ = try await signIn.value
        signIns.append(nanoseconds(clock.now - started))
        cpu.append(processCPUNanoseconds() - cpuStarted)
    }
    cpu.sort()
    signIns.sort()
    heartbeats.sort()
    figure("account.signin.p50", percentile(signIns, 0.5) / 1e6, "ms")
    figure("account.signin.max", signIns.last! / 1e6, "ms")
    // The processor time the sign-in took, whatever else the machine was running meanwhile.
    figure("account.signin.cpu.p50", percentile(cpu, 0.5) / 1e6, "ms")
    figure("account.heartbeat-during-signin.p50", percentile(heartbeats, 0.5) / 1e6, "ms")
}

/// Processor time used by this process so far, every thread counted.
private func processCPUNanoseconds() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
    return Double(time.tv_sec) * 1e9 + Double(time.tv_nsec)
}
