import Foundation

// Every benchmark group is listed here; each lives in a file of its own.
let all: [Benchmark] =
    runtimeBenchmarks + messagingBenchmarks + attachmentBenchmarks + mediaBenchmarks + accountBenchmarks
    + cameraBenchmarks + appBenchmarks + interfaceBenchmarks + terminalBenchmarks + conversationBenchmarks
    + matrixBenchmarks

let filter = CommandLine.arguments.dropFirst().first ?? ""
let selected = all.filter { filter.isEmpty || $0.name.hasPrefix(filter) }
if selected.isEmpty {
    print("no benchmark named \(filter); known: \(all.map(\.name).joined(separator: ", "))")
    exit(2)
}
for benchmark in selected {
    print("== \(benchmark.name)")
    do {
        try await benchmark.run()
    } catch {
        print("benchmark \(benchmark.name) failed: \(error)")
        exit(1)
    }
}
