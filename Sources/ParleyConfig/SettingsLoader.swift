import Foundation
import TOMLKit

/// Reads `config.toml` into `Settings`.
public enum SettingsLoader {
    /// `$XDG_CONFIG_HOME/parley/config.toml`, else `~/.config/parley/config.toml`.
    public static func defaultLocation(environment: [String: String]) -> URL {
        let base: String =
            if let xdg = environment["XDG_CONFIG_HOME"], !xdg.isEmpty {
                xdg
            } else {
                (environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()) + "/.config"
            }
        return URL(fileURLWithPath: base).appendingPathComponent("parley/config.toml")
    }

    /// The settings in the file at `url`; defaults for whatever it leaves out, or all of them if it is absent.
    public static func load(from url: URL) throws(ConfigError) -> Settings {
        guard FileManager.default.fileExists(atPath: url.path) else { return Settings() }
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw .unreadable(path: url.path, reason: "it is not readable UTF-8 text")
        }
        return try parse(text, path: url.path)
    }

    /// The settings in `text`; `path` only names the file in errors.
    public static func parse(_ text: String, path: String) throws(ConfigError) -> Settings {
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw .syntax(
                path: path, line: error.source.begin.line, column: error.source.begin.column,
                message: error.description)
        } catch {
            throw .unreadable(path: path, reason: "\(error)")
        }
        var settings = Settings()
        let known = Dictionary(uniqueKeysWithValues: SettingKey.all.map { ($0.name, $0) })
        for (name, value) in flatten(table) {
            guard let key = known[name] else { throw .unknownKey(key: name, path: path) }
            guard key.apply(value, &settings) else {
                throw .badValue(key: name, path: path, expected: key.expected)
            }
        }
        return settings
    }

    /// `[a] b = 1` as `("a.b", 1)`, in document order of the keys' names.
    private static func flatten(_ table: TOMLTable, prefix: String = "") -> [(String, any TOMLValueConvertible)] {
        table.keys.sorted().flatMap { key -> [(String, any TOMLValueConvertible)] in
            guard let value = table[key] else { return [] }
            let name = prefix.isEmpty ? key : "\(prefix).\(key)"
            if let nested = value.table { return flatten(nested, prefix: name) }
            return [(name, value)]
        }
    }
}
