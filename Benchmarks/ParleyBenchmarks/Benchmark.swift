import Foundation

/// One named benchmark; `make bench BENCH=NAME` runs those whose name starts with NAME.
struct Benchmark: Sendable {
    let name: String
    let run: @Sendable () async throws -> Void
}

/// Prints one measured figure in the form DESIGN.md fixes: `figure NAME VALUE UNIT`.
func figure(_ name: String, _ value: Double, _ unit: String) {
    let formatted = value >= 100 ? String(Int(value.rounded())) : String(format: "%.4g", value)
    print("figure \(name) \(formatted) \(unit)")
    fflush(nil)  // all streams: `stdout` is a global Swift 6 refuses to touch
}

/// Prints a figure beside its reference measured in the same run, and their ratio.
func figure(_ name: String, _ value: Double, _ unit: String, reference: String, _ referenceValue: Double) {
    figure(name, value, unit)
    figure("\(name).reference.\(reference)", referenceValue, unit)
    figure("\(name).ratio", referenceValue == 0 ? 0 : value / referenceValue, "x")
}

/// Sorted nanosecond samples → a percentile.
func percentile(_ sorted: [Double], _ fraction: Double) -> Double {
    sorted.isEmpty ? 0 : sorted[min(sorted.count - 1, Int(Double(sorted.count) * fraction))]
}

func nanoseconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) * 1e9 + Double(duration.components.attoseconds) / 1e9
}

/// Prints a figure beside each reference measured in the same run, and its ratio to the best of them: the
/// lowest, for figures where less is better. With no reference, only the figure.
func figure(_ name: String, _ value: Double, _ unit: String, references: [(name: String, value: Double)]) {
    figure(name, value, unit)
    for reference in references { figure("\(name).reference.\(reference.name)", reference.value, unit) }
    if let best = references.map(\.value).filter({ $0 > 0 }).min() { figure("\(name).ratio", value / best, "x") }
}
