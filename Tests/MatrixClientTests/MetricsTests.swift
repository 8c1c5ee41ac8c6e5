import Testing

@testable import MatrixClient

struct MetricsTests {
    @Test func percentilesUseTheNearestRank() {
        let latencies = (1...100).map { Duration.milliseconds($0) }
        #expect(MetricsRecorder.percentile(0.50, of: latencies) == .milliseconds(50))
        #expect(MetricsRecorder.percentile(0.99, of: latencies) == .milliseconds(99))
        #expect(MetricsRecorder.percentile(0.99, of: [.milliseconds(7)]) == .milliseconds(7))
        #expect(MetricsRecorder.percentile(0.5, of: []) == nil)
    }

    @Test func onlyTheRecentWindowCountsAndLongPollsAreLeftOut() {
        let recorder = MetricsRecorder()
        for _ in 0..<MetricsRecorder.window { recorder.recordResponse(latency: .seconds(9), measured: true) }
        for _ in 0..<MetricsRecorder.window { recorder.recordResponse(latency: .milliseconds(3), measured: true) }
        recorder.recordResponse(latency: .seconds(30), measured: false)
        recorder.recordRateLimit(retryAfter: .milliseconds(1500))
        recorder.recordError(.unsupportedAuthStage(stages: ["m.login.recaptcha"]))
        let snapshot = recorder.snapshot()
        #expect(snapshot.latencyP50 == .milliseconds(3))
        #expect(snapshot.latencyP99 == .milliseconds(3))
        #expect(snapshot.requestCount == 2 * MetricsRecorder.window + 1)
        #expect(snapshot.rateLimitedCount == 1)
        #expect(snapshot.lastRetryAfter == .milliseconds(1500))
        #expect(snapshot.lastError?.contains("m.login.recaptcha") == true)
    }
}
