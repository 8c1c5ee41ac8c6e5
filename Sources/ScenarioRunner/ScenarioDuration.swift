/// The DURATION of `timeout` and `wait`: a decimal number and a unit, as in `300ms`, `2s`, `1.5s` or `1m`.
enum ScenarioDuration {
    /// Longer than any scenario should need to wait; a bigger figure is far likelier a slip, such as `m` for `ms`.
    static let longest = Duration.seconds(600)

    private static let units: [(suffix: String, unit: Duration)] = [
        ("ms", .milliseconds(1)), ("s", .seconds(1)), ("m", .seconds(60)),
    ]

    /// Reads `word` for `directive`; a timeout must be more than zero, since expectations could never be met.
    static func parse(_ word: String, for directive: String, allowsZero: Bool) throws(ScenarioLineError) -> Duration {
        let shown = ScenarioText.quoted(word)
        // "ms" comes before "s" and "m" in `units`, so `300ms` is not read as 300m followed by junk.
        guard let (suffix, unit) = units.first(where: { word.hasSuffix($0.suffix) }),
            let duration = amount(word.dropLast(suffix.count), of: unit)
        else {
            throw ScenarioLineError(
                reason: "\(shown) is not a duration; write a number with ms, s or m, for example 300ms, 2s, 1.5s or 1m"
            )
        }
        guard duration <= longest else {
            throw ScenarioLineError(reason: "\(shown) is more than 10 minutes; \(directive) takes at most 10m")
        }
        guard allowsZero || duration > .zero else {
            throw ScenarioLineError(reason: "\(shown) is zero; \(directive) takes more than 0, up to 10m")
        }
        return duration
    }

    /// `number` units, where `number` is ASCII digits with perhaps a fraction (`1.5`, not `.5`, `1.` or `-1`);
    /// nil if it is not written so. A figure too big to hold comes back as more than `longest`.
    private static func amount(_ number: Substring, of unit: Duration) -> Duration? {
        let parts = number.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        guard let whole = parts.first, whole.isASCIIDigits, parts.count == 1 || parts[1].isASCIIDigits else {
            return nil
        }
        // Six digits of any unit already exceed ten minutes, and keep the arithmetic below far from overflow.
        guard whole.count <= 6 else { return longest + unit }
        var duration = unit * Int(whole)!
        if parts.count == 2 {
            // Nine digits resolve even a minute to 60ns, far finer than a clock can wait; later ones are dropped.
            let fraction = parts[1].prefix(9)
            var scale = 1
            for _ in fraction { scale *= 10 }
            duration += unit * Int(fraction)! / scale
        }
        return duration
    }
}
