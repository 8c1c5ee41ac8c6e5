import ChildProcesses
import Foundation
import ParleyConfig
import ParleyCore

/// Draws the user's attention to an alert as `config.toml` allows: the terminal bell (which the front end
/// rings) and a desktop notification through `notify-send`, where it is installed.
public struct Notifier: Sendable {
    private let ringsBell: Bool
    private let ring: @Sendable () -> Void
    private let desktop: DesktopNotification?

    /// - Parameters:
    ///   - settings: the user's `[notifications]` settings.
    ///   - environment: where `notify-send` is looked for (`PATH`).
    ///   - ring: rings the terminal bell; called from the app loop, so it must hand off, not wait.
    public init(
        _ settings: Settings.Notifications, environment: [String: String] = ProcessInfo.processInfo.environment,
        ring: @escaping @Sendable () -> Void
    ) {
        ringsBell = settings.bell
        self.ring = ring
        desktop = settings.desktop ? DesktopNotification.find(environment: environment) : nil
    }

    /// Rings the bell once and shows the notification, as far as the settings allow.
    public func callAsFunction(_ alert: Alert) {
        if ringsBell { ring() }
        desktop?.show(alert)
    }
}

/// `notify-send` run with the alert's sender and first words. Its text comes from other users: it goes as
/// arguments, never through a shell, with control characters and markup made harmless.
struct DesktopNotification: Sendable {
    let executable: URL

    /// `notify-send` on `PATH`, if it is there.
    static func find(environment: [String: String]) -> DesktopNotification? {
        let directories = (environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin").split(separator: ":")
        for directory in directories {
            let candidate = URL(fileURLWithPath: String(directory)).appendingPathComponent("notify-send")
            if FileManager.default.isExecutableFile(atPath: candidate.path) {
                return DesktopNotification(executable: candidate)
            }
        }
        return nil
    }

    /// The arguments `notify-send` gets for `alert`.
    static func arguments(for alert: Alert) -> [String] {
        ["--app-name=Parley", "--", plain(alert.title), escapedMarkup(plain(alert.preview))]
    }

    /// Starts `notify-send` and lets it run: the app loop does not wait for it, and a failure only means no
    /// notification. Not through Foundation's `Process`, whose `run()` now and then crashes reading
    /// /proc/self/fd (swift-corelibs-foundation #5472): a notification must never take the app down.
    func show(_ alert: Alert) {
        let streams = StandardStreams.files(input: "/dev/null", output: "/dev/null", error: "/dev/null")
        guard
            let pid = try? spawn(
                executable.path, arguments: Self.arguments(for: alert),
                environment: ProcessInfo.processInfo.environment, streams: streams)
        else { return }
        // Reaped when it ends, so no notification is left behind as a zombie.
        Thread.detachNewThread {
            var status: Int32 = 0
            while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        }
    }

    /// `text` with every control, format and separator character (escape sequences, bidi overrides, line
    /// breaks) turned into a space.
    static func plain(_ text: String) -> String {
        String(
            String.UnicodeScalarView(
                text.unicodeScalars.map { scalar in
                    switch scalar.properties.generalCategory {
                    case .control, .format, .lineSeparator, .paragraphSeparator: " "
                    default: scalar
                    }
                }))
    }

    /// Notification servers read a body's `<b>`, `<a>` and `&amp;` as markup: a message shows as typed.
    static func escapedMarkup(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
    }
}
