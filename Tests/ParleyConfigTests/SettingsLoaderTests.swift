import Foundation
import Logging
import ParleyConfig
import ParleyTestKit
import Testing

struct SettingsLoaderTests {
    @Test func anAbsentFileGivesEveryDefault() throws {
        let directory = TemporaryDirectory("config")
        defer { directory.remove() }
        #expect(try SettingsLoader.load(from: directory.file("config.toml")) == Settings())
    }

    @Test func keysThatArePresentOverrideTheirDefaultsOnly() throws {
        let settings = try SettingsLoader.parse(
            """
            [services]
            request_timeout_ms = 800
            [account]
            password_cost = "fast"
            [attachments]
            max_size_mb = 5
            [interface]
            colors = 256
            show_timestamps = false
            [server]
            url = "https://matrix.example.org"
            """, path: "config.toml")
        var expected = Settings()
        expected.services.requestTimeoutMilliseconds = 800
        expected.account.passwordCost = "fast"
        expected.attachments.maxSizeMegabytes = 5
        expected.interface.colors = "256"
        expected.interface.showTimestamps = false
        expected.server.url = "https://matrix.example.org"
        #expect(settings == expected)
    }

    @Test func theCameraDeviceMayBeAGraphOfFFmpegsVirtualInput() throws {
        let settings = try SettingsLoader.parse(
            "[camera]\ndevice = \"lavfi:testsrc2=size=640x480:rate=30\"", path: "config.toml")
        #expect(settings.camera.device == "lavfi:testsrc2=size=640x480:rate=30")
        #expect(Settings().camera.device == "/dev/video0")
    }

    @Test(arguments: [
        ("[camera]\ndevice = \"\"", "camera.device in /x/config.toml must be a non-empty string"),
        (
            "[services]\nmailbox_capacity = \"big\"",
            "services.mailbox_capacity in /x/config.toml must be a whole number from 1 to 1000000"
        ),
        (
            "[services]\nrequest_timeout_ms = 0",
            "services.request_timeout_ms in /x/config.toml must be a whole number from 10 to 600000"
        ),
        (
            "[interface]\ncolors = \"lots\"",
            "interface.colors in /x/config.toml must be one of \"auto\", \"256\", \"8\", \"none\""
        ),
        (
            "[account]\npassword_cost = \"none\"",
            "account.password_cost in /x/config.toml must be one of \"owasp\", \"fast\""
        ),
        ("[interface]\nshow_timestamps = 1", "interface.show_timestamps in /x/config.toml must be true or false"),
        ("[server]\nurl = 8008", "server.url in /x/config.toml must be a non-empty string"),
        (
            "[acount]\nsession_days = 3",
            "acount.session_days in /x/config.toml is not a Parley setting; check its spelling"
        ),
    ])
    func aBadValueIsNamedWithItsKeyAndFile(text: String, message: String) {
        do {
            _ = try SettingsLoader.parse(text, path: "/x/config.toml")
            Issue.record("accepted \(text)")
        } catch {
            #expect(error.description == message)
        }
    }

    @Test func brokenTomlSaysWhereInTheFile() {
        do {
            _ = try SettingsLoader.parse("[services\n", path: "/x/config.toml")
            Issue.record("accepted broken TOML")
        } catch {
            guard case .syntax(path: "/x/config.toml", line: 1, _, _) = error else {
                Issue.record("expected a syntax error on line 1, got \(error)")
                return
            }
        }
    }

    @Test func theDefaultLocationFollowsXDG() {
        #expect(
            SettingsLoader.defaultLocation(environment: ["XDG_CONFIG_HOME": "/cfg", "HOME": "/home/a"]).path
                == "/cfg/parley/config.toml")
        #expect(
            SettingsLoader.defaultLocation(environment: ["HOME": "/home/a"]).path
                == "/home/a/.config/parley/config.toml")
    }
}

struct FileLogHandlerTests {
    @Test func logLinesGoToThePrivateFileOneLineEach() throws {
        let directory = TemporaryDirectory("log")
        defer { directory.remove() }
        let url = directory.file("parley.log")
        let sink = try FileLogHandler.Sink(url: url)
        let logger = Logger(label: "parley.test") { FileLogHandler(label: $0, sink: sink) }
        logger.info("first\nsecond", metadata: ["service": "account"])
        let text = try String(contentsOf: url, encoding: .utf8)
        #expect(text.hasSuffix("info parley.test: first\\nsecond service=account\n"))
        #expect(text.split(separator: "\n").count == 1)
        let mode = try FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
    }
}

/// The example settings file shipped in `Resources/` is the documentation of the defaults: it must say them.
struct ExampleConfigTests {
    @Test func theShippedExampleParsesToTheDefaults() throws {
        let example = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Resources/config.example.toml")
        #expect(try SettingsLoader.load(from: example) == Settings())
    }
}
