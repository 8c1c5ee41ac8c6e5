import Foundation
import ParleyConfig
import ParleyContracts
import ParleyCore
import ParleyTestKit
import Synchronization
import Testing

@testable import ParleyApp

/// Alerts as the user set them: the bell, `notify-send` with text from others made harmless, NO_COLOR.
struct NotifierTests {
    static let alert = Alert(
        reason: .mention, room: RoomID("r1"), roomName: "#general", sender: "bob",
        text: "\u{1B}]0;pwned\u{07}<b>alice</b> & co\nsecond line")

    /// A `notify-send` that writes its arguments, one a line, to `args.txt` beside it.
    static func fakeNotifySend(in directory: TemporaryDirectory) throws {
        let script = directory.file("notify-send")
        let output = directory.file("args.txt").path
        try Data("#!/bin/sh\nprintf '%s\\n' \"$@\" > '\(output).tmp' && mv '\(output).tmp' '\(output)'\n".utf8)
            .write(to: script)
        try FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: script.path)
    }

    @Test(.timeLimit(.minutes(1))) func aDesktopNotificationCarriesSenderAndWordsWithoutControlsOrMarkup()
        async throws
    {
        let directory = TemporaryDirectory("notify")
        defer { directory.remove() }
        try Self.fakeNotifySend(in: directory)
        let bells = Counter()
        let notifier = Notifier(Settings.Notifications(), environment: ["PATH": directory.url.path]) {
            bells.add()
        }
        notifier(Self.alert)
        let output = directory.file("args.txt")
        #expect(await eventually { FileManager.default.fileExists(atPath: output.path) })
        let lines = try String(contentsOf: output, encoding: .utf8).split(separator: "\n").map(String.init)
        let body = " ]0;pwned &lt;b&gt;alice&lt;/b&gt; &amp; co second line"
        #expect(lines == ["--app-name=Parley", "--", "bob in #general", body])
        #expect(bells.value == 1)
    }

    @Test func theSettingsTurnTheBellAndTheDesktopNotificationOff() throws {
        let directory = TemporaryDirectory("notify-off")
        defer { directory.remove() }
        try Self.fakeNotifySend(in: directory)
        var settings = Settings.Notifications()
        settings.bell = false
        settings.desktop = false
        let bells = Counter()
        let notifier = Notifier(settings, environment: ["PATH": directory.url.path]) { bells.add() }
        notifier(Self.alert)
        #expect(bells.value == 0)
        #expect(DesktopNotification.find(environment: ["PATH": directory.url.path]) != nil)
        #expect(DesktopNotification.find(environment: ["PATH": directory.file("none").path]) == nil)
    }

    @Test func noColorInTheEnvironmentTurnsColoursOffWhateverTheSettingsSay() throws {
        let directory = TemporaryDirectory("no-color")
        defer { directory.remove() }
        let config = directory.file("config.toml")
        try Data("[interface]\ncolors = 256\n".utf8).write(to: config)
        func colors(_ environment: [String: String]) throws -> ColorChoice {
            try AppEnvironment.resolve(
                dataPath: directory.dataDirectory.path, configPath: config.path, environment: environment
            ).colors
        }
        #expect(try colors([:]) == .colors256)
        #expect(try colors(["NO_COLOR": ""]) == .colors256)  // set but empty does not count, as no-color.org says
        #expect(try colors(["NO_COLOR": "1"]) == ColorChoice.none)
        #expect(!ColorChoice.none.showsColors)
    }
}

/// A count bumped from the notifier's caller.
private final class Counter: Sendable {
    private let count = Mutex(0)
    func add() { count.withLock { $0 += 1 } }
    var value: Int { count.withLock { $0 } }
}
