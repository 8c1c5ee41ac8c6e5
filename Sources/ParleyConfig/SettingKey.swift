import Foundation
import TOMLKit

/// One key of `config.toml`: its dotted name, what it accepts, and where the value goes.
struct SettingKey: Sendable {
    let name: String
    let expected: String
    let apply: @Sendable (any TOMLValueConvertible, inout Settings) -> Bool

    /// An integer key accepting values in `range`.
    static func integer(
        _ name: String, _ range: ClosedRange<Int>, _ keyPath: WritableKeyPath<Settings, Int> & Sendable
    ) -> SettingKey {
        SettingKey(name: name, expected: "a whole number from \(range.lowerBound) to \(range.upperBound)") {
            value, settings in
            guard value.type == .int, let number = value.int, range.contains(number) else { return false }
            settings[keyPath: keyPath] = number
            return true
        }
    }

    static func boolean(_ name: String, _ keyPath: WritableKeyPath<Settings, Bool> & Sendable) -> SettingKey {
        SettingKey(name: name, expected: "true or false") { value, settings in
            guard value.type == .bool, let flag = value.bool else { return false }
            settings[keyPath: keyPath] = flag
            return true
        }
    }

    static func choice(
        _ name: String, _ choices: [String], _ keyPath: WritableKeyPath<Settings, String> & Sendable
    ) -> SettingKey {
        SettingKey(name: name, expected: "one of " + choices.map { "\"\($0)\"" }.joined(separator: ", ")) {
            value, settings in
            // `colors = 256` is as natural as `colors = "256"`: accept both.
            let text = value.string ?? value.int.map(String.init)
            guard let text, choices.contains(text) else { return false }
            settings[keyPath: keyPath] = text
            return true
        }
    }

    /// A non-empty string key; `keyPath` is optional so that absent means "not set".
    static func text(_ name: String, _ keyPath: WritableKeyPath<Settings, String?> & Sendable) -> SettingKey {
        SettingKey(name: name, expected: "a non-empty string") { value, settings in
            guard let text = value.string, !text.trimmingCharacters(in: .whitespaces).isEmpty else { return false }
            settings[keyPath: keyPath] = text
            return true
        }
    }

    /// A non-empty string key with a default.
    static func text(_ name: String, _ keyPath: WritableKeyPath<Settings, String> & Sendable) -> SettingKey {
        SettingKey(name: name, expected: "a non-empty string") { value, settings in
            guard let text = value.string, !text.trimmingCharacters(in: .whitespaces).isEmpty else { return false }
            settings[keyPath: keyPath] = text
            return true
        }
    }

    /// Every key Parley knows.
    static let all: [SettingKey] = [
        .integer("services.request_timeout_ms", 10...600_000, \.services.requestTimeoutMilliseconds),
        .integer("services.mailbox_capacity", 1...1_000_000, \.services.mailboxCapacity),
        .integer("services.max_restarts", 0...100, \.services.maxRestarts),
        .integer("services.restart_window_s", 1...86_400, \.services.restartWindowSeconds),
        .integer("account.session_days", 1...3_650, \.account.sessionDays),
        .integer("account.presence_timeout_s", 5...86_400, \.account.presenceTimeoutSeconds),
        .choice("account.password_cost", ["owasp", "fast"], \.account.passwordCost),
        .integer("attachments.max_size_mb", 1...100_000, \.attachments.maxSizeMegabytes),
        .choice("interface.colors", ["auto", "256", "8", "none"], \.interface.colors),
        .boolean("interface.show_timestamps", \.interface.showTimestamps),
        .boolean("notifications.bell", \.notifications.bell),
        .boolean("notifications.desktop", \.notifications.desktop),
        .boolean("conversations.send_typing", \.conversations.sendTyping),
        .boolean("conversations.send_receipts", \.conversations.sendReceipts),
        .text("camera.device", \.camera.device),
        .text("server.url", \.server.url),
    ]
}
