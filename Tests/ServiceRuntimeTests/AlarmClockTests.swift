import ParleyTestKit
import ServiceRuntime
import Synchronization
import Testing

@Suite(.timeLimit(.minutes(1)))
struct AlarmClockTests {
    /// What went off, in order.
    final class Log: Sendable {
        private let names = Mutex<[String]>([])
        func note(_ name: String) { names.withLock { $0.append(name) } }
        var fired: [String] { names.withLock { $0 } }
    }

    @Test func alarmsGoOffInTheOrderTheyAreDueWhateverTheOrderTheyWereArmed() async {
        // Given three alarms armed latest first
        let clock = AlarmClock()
        let log = Log()
        let now = ContinuousClock.now
        clock.arm(at: now + .milliseconds(90)) { log.note("third") }
        clock.arm(at: now + .milliseconds(60)) { log.note("second") }
        clock.arm(at: now + .milliseconds(30)) { log.note("first") }
        // Then they go off soonest first
        #expect(await eventually { log.fired.count == 3 })
        #expect(log.fired == ["first", "second", "third"])
        #expect(clock.armedCount == 0)
    }

    @Test func aCancelledAlarmNeverGoesOff() async {
        // Given an alarm cancelled before it is due, and one due after it
        let clock = AlarmClock()
        let log = Log()
        let now = ContinuousClock.now
        let cancelled = clock.arm(at: now + .milliseconds(20)) { log.note("cancelled") }
        clock.arm(at: now + .milliseconds(60)) { log.note("kept") }
        clock.cancel(cancelled)
        // Then once the later one has gone off, the cancelled one, due earlier, has not
        #expect(await eventually { log.fired == ["kept"] })
        #expect(log.fired == ["kept"])
    }

    @Test func anEarlierAlarmWakesTheClockSleepingForALaterOne() async {
        // Given the clock's thread asleep until an alarm ten minutes away
        let clock = AlarmClock()
        let log = Log()
        clock.arm(at: .now + .seconds(600)) { log.note("far") }
        #expect(await eventually { clock.armedCount == 1 })
        // When an alarm due almost at once is armed
        clock.arm(at: .now + .milliseconds(10)) { log.note("near") }
        // Then it goes off at its time, not at the far one's
        #expect(await eventually { log.fired == ["near"] })
        #expect(clock.armedCount == 1)
    }

    @Test func sleepingOnTheClockEndsAtTheInstant() async {
        let clock = AlarmClock()
        let until = ContinuousClock.now + .milliseconds(20)
        await clock.sleep(until: until)
        #expect(ContinuousClock.now >= until)
    }
}
