import Foundation
import ParleyContracts

/// Plays sounds with the first player found on PATH: paplay, aplay, ffplay or mpv, in that order (a sound
/// server first, then raw ALSA, then the general players). Output is discarded: the UI owns the terminal.
public struct SystemAudioPlayer: AudioPlayer {
    /// Each player's name and the arguments that make it play one file quietly with no window.
    static let candidates: [(name: String, arguments: [String])] = [
        ("paplay", []),
        ("aplay", ["-q"]),
        ("ffplay", ["-nodisp", "-autoexit", "-loglevel", "quiet"]),
        ("mpv", ["--no-video", "--really-quiet"]),
    ]

    private let searchPath: [String]?

    /// - Parameter searchPath: directories to look in; nil means `$PATH`, read at each play, so a player
    ///   installed while Parley runs is found.
    public init(searchPath: [String]? = nil) { self.searchPath = searchPath }

    public func play(_ path: String) throws(MediaError) -> any PlayingSound {
        guard let (executable, name, arguments) = locate() else { throw .noPlayer }
        // A path starting with `-` would be taken for an option; `./` keeps it a file name.
        let argument = path.hasPrefix("/") ? path : "./" + path
        do {
            return try PlayerProcess(executable: executable.path, name: name, arguments: arguments + [argument])
        } catch {
            throw .playerFailed(path: path, player: name, reason: error.description)
        }
    }

    private func locate() -> (URL, String, [String])? {
        let directories =
            searchPath
            ?? (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").map(String.init)
        for candidate in Self.candidates {
            for directory in directories where !directory.isEmpty {
                let file = URL(fileURLWithPath: directory).appendingPathComponent(candidate.name)
                if FileManager.default.isExecutableFile(atPath: file.path) {
                    return (file, candidate.name, candidate.arguments)
                }
            }
        }
        return nil
    }
}
