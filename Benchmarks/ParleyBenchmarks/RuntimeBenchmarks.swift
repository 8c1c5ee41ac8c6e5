import ServiceRuntime

let runtimeBenchmarks: [Benchmark] = []
