import Foundation
import ServiceRuntime
import Synchronization

/// The simplest possible service: it answers every request with its argument.
struct EchoHandler: ServiceHandler {
    struct Request: ServiceRequest {
        let value: Int
        var kind: String { "echo" }
    }
    struct Failure: Error {}
    typealias Event = Never

    mutating func handle(_ request: Request, context: ServiceContext<Never, Request>) async throws -> Int {
        request.value
    }
}

/// The reference: the same work as a bare actor call, with no mailbox, deadline or metrics.
actor EchoActor {
    func echo(_ value: Int) -> Int { value }
}

let runtimeBenchmarks: [Benchmark] = [
    Benchmark(name: "runtime.roundtrip") {
        let host = ServiceHost<EchoHandler>(name: "echo") { _ in EchoHandler() }
        await host.start()
        let actor = EchoActor()
        let samples = 200_000
        var hostTimes: [Double] = []
        var actorTimes: [Double] = []
        hostTimes.reserveCapacity(samples)
        actorTimes.reserveCapacity(samples)
        let clock = ContinuousClock()
        for index in 0..<(samples + 10_000) {
            let start = clock.now
            _ = try await host.request(.init(value: index))
            let middle = clock.now
            _ = await actor.echo(index)
            let end = clock.now
            if index >= 10_000 {  // the first ones warm up caches and the executor
                hostTimes.append(nanoseconds(middle - start))
                actorTimes.append(nanoseconds(end - middle))
            }
        }
        hostTimes.sort()
        actorTimes.sort()
        let handoff = await TaskHandoff.measure(samples: 50_000)
        figure("runtime.roundtrip.floor.task-handoff.p50", percentile(handoff, 0.5), "ns")
        let pingPong = CacheLinePingPong.measure(samples: 200_000)
        figure("runtime.roundtrip.floor.cache-line-ping-pong.p50", percentile(pingPong, 0.5), "ns")
        figure(
            "runtime.roundtrip.p50", percentile(hostTimes, 0.5), "ns", reference: "actor",
            percentile(actorTimes, 0.5))
        figure(
            "runtime.roundtrip.p99", percentile(hostTimes, 0.99), "ns", reference: "actor",
            percentile(actorTimes, 0.99))
        await host.close()
    },
    Benchmark(name: "runtime.throughput") {
        for callers in [1, 2] {
            let host = ServiceHost<EchoHandler>(name: "echo") { _ in EchoHandler() }
            await host.start()
            let actor = EchoActor()
            let perCaller = 300_000
            let hostRate = try await throughput(callers: callers, perCaller: perCaller) { value in
                _ = try await host.request(.init(value: value))
            }
            let actorRate = try await throughput(callers: callers, perCaller: perCaller) { value in
                _ = await actor.echo(value)
            }
            figure(
                "runtime.throughput.callers\(callers)", hostRate, "req/s", reference: "actor", actorRate)
            await host.close()
        }
    },
]

/// Requests per second when `callers` tasks each make `perCaller` calls one after another.
private func throughput(
    callers: Int, perCaller: Int, _ call: @escaping @Sendable (Int) async throws -> Void
) async throws -> Double {
    let clock = ContinuousClock()
    let start = clock.now
    try await withThrowingTaskGroup(of: Void.self) { group in
        for _ in 0..<callers {
            group.addTask {
                for value in 0..<perCaller { try await call(value) }
            }
        }
        try await group.waitForAll()
    }
    return Double(callers * perCaller) / (nanoseconds(clock.now - start) / 1e9)
}

/// The floor under any mailbox whose handler runs in a task of its own: a request wakes the serving task
/// and the reply wakes the caller. Measured with nothing else — no queue, deadline or metrics.
private enum TaskHandoff {
    static func measure(samples: Int) async -> [Double] {
        let (requests, requestSink) = AsyncStream<CheckedContinuation<Void, Never>>.makeStream()
        let server = Task {
            for await reply in requests { reply.resume() }
        }
        var times: [Double] = []
        times.reserveCapacity(samples)
        let clock = ContinuousClock()
        for _ in 0..<samples {
            let start = clock.now
            await withCheckedContinuation { requestSink.yield($0) }
            times.append(nanoseconds(clock.now - start))
        }
        requestSink.finish()
        server.cancel()
        return times.sorted()
    }
}

/// The floor under any request/reply between two cores, whatever the runtime: one thread writes a word and
/// spins until a thread on the other core, spinning on that word, writes back. Two cache-line transfers
/// and one clock read per sample, nothing else; a request/reply moves at least this twice over (the request
/// and its mailbox bookkeeping one way, the reply the other).
private enum CacheLinePingPong {
    final class Line: Sendable {
        let ball = Atomic<Int>(0)
    }

    static func measure(samples: Int) -> [Double] {
        let line = Line()
        let partner = Thread {
            for round in 0..<samples {
                while line.ball.load(ordering: .acquiring) != 2 * round + 1 {}
                line.ball.store(2 * round + 2, ordering: .releasing)
            }
        }
        partner.start()
        var times: [Double] = []
        times.reserveCapacity(samples)
        let clock = ContinuousClock()
        for round in 0..<samples {
            let start = clock.now
            line.ball.store(2 * round + 1, ordering: .releasing)
            while line.ball.load(ordering: .acquiring) != 2 * round + 2 {}
            times.append(nanoseconds(clock.now - start))
        }
        return times.sorted()
    }
}
