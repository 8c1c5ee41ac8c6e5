import Foundation
import MediaService
import ParleyContracts
import ParleyTestKit
import Testing

@Suite(.timeLimit(.minutes(1)))
struct FileSummaryTests {
    func summary(_ media: MediaTestHost, _ path: String, hint: String? = nil) async throws -> FileSummary {
        let reply = try await media.host.request(.summarize(path: path, mediaType: hint))
        guard case let .summary(summary) = reply else { throw UnexpectedReply(reply) }
        return summary
    }

    @Test func textFilesGiveTheirFirstLines() async throws {
        let media = await MediaTestHost()
        defer { media.finish() }
        let text = (1...20).map { "line \($0)" }.joined(separator: "\r\n") + "\r\n"
        let path = try media.write("notes.txt", Array(text.utf8))

        let summary = try await summary(media, path)

        #expect(summary.mediaType == "text/plain" && summary.size == Int64(text.utf8.count))
        #expect(summary.firstLines == (1...8).map { "line \($0)" })
    }

    @Test func onlyASmallPrefixOfAHugeFileIsRead() async throws {
        let media = await MediaTestHost()
        defer { media.finish() }
        // Given a 2 MB file of two-byte characters and one line break far beyond the prefix
        let text = String(repeating: "é", count: 1_000_000) + "\nend\n"
        let path = try media.write("long.txt", Array(text.utf8))

        let summary = try await summary(media, path)

        // Then the one line is cut at the 4 kB prefix, on a character boundary
        #expect(summary.size == 2_000_005)
        #expect(summary.firstLines == [String(repeating: "é", count: 2048)])
    }

    @Test(
        arguments: [
            ("image.bin", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0], "image/png"),
            ("sound", Array("RIFF\u{0}\u{0}\u{0}\u{0}WAVEfmt ".utf8), "audio/wav"),
            ("archive.txt", [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00], "application/zip"),
            ("data", [0x00, 0x01, 0x02, 0xFF, 0xFE], "application/octet-stream"),
            ("empty", [], "inode/x-empty"),
        ] as [(String, [UInt8], String)])
    func typesComeFromTheContentNotTheName(name: String, bytes: [UInt8], mediaType: String) async throws {
        let media = await MediaTestHost()
        defer { media.finish() }
        let path = try media.write(name, bytes)

        let summary = try await summary(media, path)

        #expect(summary.mediaType == mediaType && summary.size == Int64(bytes.count) && summary.firstLines.isEmpty)
    }

    @Test func aKnownTypeIsTakenAsGiven() async throws {
        let media = await MediaTestHost()
        defer { media.finish() }
        let path = try media.write("report", Array("%PDF-1.7 but the attachment said so\n".utf8))

        let summary = try await summary(media, path, hint: "text/markdown")

        #expect(summary.mediaType == "text/markdown" && summary.firstLines == ["%PDF-1.7 but the attachment said so"])
    }

    @Test func missingFilesAreRefused() async throws {
        let media = await MediaTestHost()
        defer { media.finish() }
        let missing = media.file("nothing.txt").path

        #expect(await media.refusal(.summarize(path: missing, mediaType: nil)) == .missing(path: missing))
    }
}
