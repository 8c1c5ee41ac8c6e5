import Foundation
import ParleyCore

#if canImport(Glibc)
    import Glibc
#endif

/// The local time zone a frame's clocks are read in. The named zone (`TimeZone.current`) brings ICU's zone
/// data in first, megabytes of resident memory and milliseconds of time; a screen with no message on it (the
/// welcome screen, the first frame before the services start) does with the C library's offset instead.
public enum LocalTimeZone {
    /// The zone for drawing `state`: the named one once a message is there to be drawn (its rules give the
    /// right offset for every date), else the C library's current offset.
    public static func forScreen(of state: AppState) -> TimeZone {
        let hasMessages = !state.chat.pending.isEmpty || state.chat.timelines.values.contains { !$0.isEmpty }
        return hasMessages && state.chat.openingSession == nil ? .current : fromCLibrary()
    }

    /// The offset from GMT now, read through the C library (`TZ`, else `/etc/localtime`); the newest
    /// messages, which the first frame shows, are read right in it.
    public static func fromCLibrary(at date: Date = Date()) -> TimeZone {
        var seconds = time_t(date.timeIntervalSince1970)
        var parts = tm()
        guard localtime_r(&seconds, &parts) != nil, let zone = TimeZone(secondsFromGMT: Int(parts.tm_gmtoff)) else {
            return TimeZone(secondsFromGMT: 0) ?? .gmt
        }
        return zone
    }
}
