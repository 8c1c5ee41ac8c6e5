import Foundation
import Synchronization

/// The line a timeline shows above the first message of each day: `Today`, `Yesterday`, or the date in the
/// user's locale (`Monday, November 30, 2026`), as every good chat client separates days.
///
/// Days are counted in the user's time zone. The clock and the locale are given, never read here, so a test
/// draws the same screen on any machine on any day.
struct DayLines {
    let timeZone: TimeZone
    let locale: Locale
    /// The day number of `now`: what counts as today.
    private let today: Int

    init(timeZone: TimeZone, locale: Locale, now: Date) {
        self.timeZone = timeZone
        self.locale = locale
        today = Self.dayNumber(of: now, in: timeZone)
    }

    /// Days since 1970-01-01 in `timeZone`: two dates are on the same day when their numbers are equal. Cheaper
    /// than asking a calendar, which matters when every message on the screen is on a day of its own.
    static func dayNumber(of date: Date, in timeZone: TimeZone) -> Int {
        let local = date.timeIntervalSince1970 + Double(timeZone.secondsFromGMT(for: date))
        return Int((local / 86_400).rounded(.down))
    }

    func dayNumber(of date: Date) -> Int { Self.dayNumber(of: date, in: timeZone) }

    /// What the line says for the day of `date`.
    func label(for date: Date) -> String {
        let day = dayNumber(of: date)
        if day == today { return "Today" }
        if day == today - 1 { return "Yesterday" }
        return Self.formatted(date, day: day, timeZone: timeZone, locale: locale)
    }

    /// The line for the day of `date`, `width` columns wide: `──── Today ──────…`, dimmed.
    func line(for date: Date, width: Int) -> StyledLine {
        let label = " \(self.label(for: date)) "
        let lead = String(repeating: "─", count: 4)
        let rest = max(0, width - 4 - TerminalText.width(label))
        return StyledLine(segments: [.init(text: lead + label + String(repeating: "─", count: rest), attributes: .dim)])
    }

    // MARK: - Formatting, cached

    private struct Key: Hashable {
        let day: Int
        let timeZone: String
        let locale: String
    }

    /// Formatted dates by day, time zone and locale: a frame draws the same few day lines again and again, and
    /// formatting a date in a locale costs far more than looking it up.
    private static let cache = Mutex<[Key: String]>([:])

    private static func formatted(_ date: Date, day: Int, timeZone: TimeZone, locale: Locale) -> String {
        let key = Key(day: day, timeZone: timeZone.identifier, locale: locale.identifier)
        if let text = cache.withLock({ $0[key] }) { return text }
        let style = Date.FormatStyle(
            date: .complete, time: .omitted, locale: locale, calendar: locale.calendar, timeZone: timeZone)
        let text = date.formatted(style)
        cache.withLock { cache in
            if cache.count >= 4_096 { cache.removeAll() }
            cache[key] = text
        }
        return text
    }
}
