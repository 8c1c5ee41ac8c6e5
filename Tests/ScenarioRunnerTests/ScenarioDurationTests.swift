import ScenarioRunner
import Testing

struct ScenarioDurationTests {
    @Test(arguments: [
        ("300ms", Duration.milliseconds(300)), ("2s", .seconds(2)), ("1.5s", .milliseconds(1500)),
        ("1m", .seconds(60)), ("0.25s", .milliseconds(250)), ("1.5ms", .microseconds(1500)),
        ("0.001s", .milliseconds(1)), ("007s", .seconds(7)), ("2.5m", .seconds(150)), ("10m", .seconds(600)),
        ("600s", .seconds(600)), ("600000ms", .seconds(600)), ("1.0000000009s", .seconds(1)),
    ])
    func aDurationIsANumberAndAUnit(written: String, duration: Duration) throws {
        #expect(try ScenarioParsing.directive("timeout \(written)") == .timeout(duration))
        #expect(try ScenarioParsing.directive("wait \(written)  # comment") == .wait(duration))
    }

    @Test func waitMayBeZeroButTimeoutMayNot() throws {
        #expect(try ScenarioParsing.directive("wait 0ms") == .wait(.zero))
        #expect(try ScenarioParsing.directive("wait 0.0s") == .wait(.zero))
        #expect(
            ScenarioParsing.syntaxError("timeout 0s")?.reason == #""0s" is zero; timeout takes more than 0, up to 10m"#)
    }

    static let usage = "write a number with ms, s or m, for example 300ms, 2s, 1.5s or 1m"

    @Test(arguments: [
        ("2", #""2" is not a duration; \#(usage)"#),
        ("2S", #""2S" is not a duration; \#(usage)"#),
        ("1h", #""1h" is not a duration; \#(usage)"#),
        ("-1s", #""-1s" is not a duration; \#(usage)"#),
        ("+1s", #""+1s" is not a duration; \#(usage)"#),
        (".5s", #"".5s" is not a duration; \#(usage)"#),
        ("1.s", #""1.s" is not a duration; \#(usage)"#),
        ("1,5s", #""1,5s" is not a duration; \#(usage)"#),
        ("1.2.3s", #""1.2.3s" is not a duration; \#(usage)"#),
        ("1e3ms", #""1e3ms" is not a duration; \#(usage)"#),
        ("ms", #""ms" is not a duration; \#(usage)"#),
        ("٣s", #""٣s" is not a duration; \#(usage)"#),
        ("10.001m", #""10.001m" is more than 10 minutes; wait takes at most 10m"#),
        ("600001ms", #""600001ms" is more than 10 minutes; wait takes at most 10m"#),
        ("11m", #""11m" is more than 10 minutes; wait takes at most 10m"#),
        ("99999999999999999999s", #""99999999999999999999s" is more than 10 minutes; wait takes at most 10m"#),
    ])
    func aBadDurationIsRefused(written: String, reason: String) {
        #expect(
            ScenarioParsing.syntaxError("wait \(written)")
                == ScenarioSyntaxError(file: ScenarioParsing.file, line: 1, reason: reason))
    }
}
