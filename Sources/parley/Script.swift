import ArgumentParser
import Foundation
import ScenarioRunner

/// `parley script FILE`: a scenario on virtual screens, with no terminal (DESIGN.md, "Scenario scripts").
struct Script: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run a scenario script with no terminal.",
        discussion: """
            Exits 0 when every expectation holds, 1 at the first that fails (printing the file, line, \
            expectation and the screen it saw), 2 on a malformed script (naming the line).
            """)

    @Argument(help: "The script, or - for standard input.")
    var file: String

    @Option(help: "The data directory (default: a fresh temporary one, removed afterwards).")
    var data: String?

    @Option(help: "The settings file (default: every setting at its default).")
    var config: String?

    @Option(help: "Where `snapshot NAME` writes NAME.txt (default: beside the script; for -, here).")
    var output: String?

    @Option(help: "The camera: a V4L2 device, or lavfi:GRAPH for FFmpeg's virtual input (overrides camera.device).")
    var camera: String?

    @Option(help: "A Matrix homeserver every session chats through, each on a data directory of its own.")
    var server: String?

    func run() async throws {
        let script: ScenarioScript
        do {
            script = try ScenarioScript.parse(try readScript(), file: file)
        } catch {
            throw fail("parley: \(error)", code: 2)
        }
        do {
            let report = try await ScenarioRunner.run(script, options: options)
            print("\(file): \(report.steps) steps passed, \(report.sessions) sessions")
        } catch let error as ScenarioSyntaxError {
            throw fail("parley: \(error)", code: 2)
        } catch let error as ScenarioFailure {
            throw fail("\(error)", code: 1)
        } catch {
            throw fail("parley: \(error)", code: 1)
        }
    }

    private var options: ScenarioRunner.Options {
        let here = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        let beside = file == "-" ? here : URL(fileURLWithPath: file).deletingLastPathComponent()
        return ScenarioRunner.Options(
            dataDirectory: data, configPath: config,
            outputDirectory: output.map { URL(fileURLWithPath: $0) } ?? beside, cameraDevice: camera, server: server)
    }

    private func readScript() throws -> String {
        if file == "-" {
            return String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
        }
        do {
            return try String(contentsOfFile: file, encoding: .utf8)
        } catch {
            throw ScriptFileError(path: file)
        }
    }

    private func fail(_ message: String, code: Int32) -> ExitCode {
        FileHandle.standardError.write(Data((message + "\n").utf8))
        return ExitCode(code)
    }
}

/// The script file could not be read.
struct ScriptFileError: Error, CustomStringConvertible {
    let path: String
    var description: String { "cannot read the script \(path): it does not exist or is not readable UTF-8 text" }
}
