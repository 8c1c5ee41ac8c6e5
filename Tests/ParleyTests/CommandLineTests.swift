import ParleyTestKit
import Testing

/// `parley` itself as a user runs it: the version, and help that shows what `parley` alone takes.
@Suite(.timeLimit(.minutes(3)))
struct CommandLineTests {
    @Test func versionPrintsTheVersionAndExitsZero() throws {
        let result = try runCommand(builtProduct("parley"), ["--version"])
        #expect(result.status == 0, "stderr was:\n\(result.errorOutput)")
        #expect(result.output.hasPrefix("parley 0."))
        #expect(result.output.split(separator: "\n").count == 1)
    }

    @Test func helpShowsTheChatOptionsAndTheSubcommands() throws {
        let result = try runCommand(builtProduct("parley"), ["--help"])
        #expect(result.status == 0, "stderr was:\n\(result.errorOutput)")
        for word in ["--data", "--config", "--version", "script", "chat"] {
            #expect(result.output.contains(word), "\(word) missing from:\n\(result.output)")
        }
    }

    @Test func anUnknownOptionIsRefusedNamingIt() throws {
        let result = try runCommand(builtProduct("parley"), ["--frobnicate"])
        #expect(result.status == 64)
        #expect(result.errorOutput.contains("--frobnicate"))
    }
}
