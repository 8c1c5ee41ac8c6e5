import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The local time zone for the frame drawn before the services start, read through the C library (`TZ`,
/// else `/etc/localtime`) as a fixed offset from GMT. `TimeZone.current` would first load ICU's zone data,
/// megabytes of it and milliseconds of time the first frame need not wait for; the frames after it, drawn
/// once the services answer, use the named zone.
public enum FirstFrameClock {
    /// The zone's offset now: the clocks of that frame's messages, which are the newest, are read in it.
    public static func timeZone(at date: Date = Date()) -> TimeZone {
        var seconds = time_t(date.timeIntervalSince1970)
        var parts = tm()
        guard localtime_r(&seconds, &parts) != nil, let zone = TimeZone(secondsFromGMT: Int(parts.tm_gmtoff)) else {
            return TimeZone(secondsFromGMT: 0) ?? .gmt
        }
        return zone
    }
}
