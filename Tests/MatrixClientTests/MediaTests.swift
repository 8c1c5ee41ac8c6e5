import Foundation
import MatrixClient
import ParleyTestKit
import Synchronization
import Testing

@Suite(.timeLimit(.minutes(2)))
struct MediaTests {
    @Test func uploadThenAuthenticatedDownloadIsByteIdenticalWithProgress() async throws {
        let directory = TemporaryDirectory("media")
        defer { directory.remove() }
        let bytes = Data((0..<700_000).map { UInt8(truncatingIfNeeded: $0 &* 2_654_435_761 >> 7) })
        let source = directory.file("notes.bin")
        try bytes.write(to: source)

        try await TestAccounts.withUsers(2, prefix: "media") { clients in
            let uploaded = Mutex<[Int64]>([])
            let uri = try await clients[0].upload(file: source, contentType: "application/octet-stream") {
                done, total in
                #expect(total == Int64(bytes.count))
                uploaded.withLock { $0.append(done) }
            }
            #expect(uri.server == "localhost")
            #expect(uploaded.withLock { $0.last } == Int64(bytes.count))
            #expect(uploaded.withLock { $0.count } > 1)

            let destination = directory.file("downloaded.bin")
            let downloaded = Mutex<[Int64]>([])
            let written = try await clients[1].download(uri, to: destination) { done, _ in
                downloaded.withLock { $0.append(done) }
            }
            #expect(written == Int64(bytes.count))
            #expect(try Data(contentsOf: destination) == bytes)
            #expect(downloaded.withLock { $0.last } == Int64(bytes.count))
            // Only the finished file is left, no partial one.
            #expect(
                try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted() == [
                    "downloaded.bin", "notes.bin",
                ])
        }
    }

    @Test func aThumbnailOfASmallImageComesBack() async throws {
        let directory = TemporaryDirectory("thumb")
        defer { directory.remove() }
        // A 1x1 PNG: the server does not upscale, so the thumbnail is the picture at its own size.
        let png = try #require(
            Data(
                base64Encoded:
                    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="))
        try png.write(to: directory.file("dot.png"))
        try await TestAccounts.withUsers(1, prefix: "thumb") { clients in
            let uri = try await clients[0].upload(file: directory.file("dot.png"), contentType: "image/png")
            let size = try await clients[0].thumbnail(
                uri, width: 32, height: 32, method: .scale, to: directory.file("t"))
            #expect(size > 0)
            #expect(try Data(contentsOf: directory.file("t")).prefix(4) == Data([0x89, 0x50, 0x4E, 0x47]))
        }
    }

    @Test func aMissingFileIsNamed() async throws {
        try await TestAccounts.withUsers(1, prefix: "missing") { clients in
            let missing = URL(fileURLWithPath: "/nonexistent/parley-\(UUID().uuidString)")
            await #expect(throws: MatrixError.fileAccess(path: missing.path, reason: "it cannot be read")) {
                try await clients[0].upload(file: missing)
            }
        }
    }

    @Test func mediaURIsAreParsed() {
        #expect(MediaURI("mxc://localhost/abc")?.mediaID == "abc")
        #expect(MediaURI("mxc://localhost/abc")?.description == "mxc://localhost/abc")
        #expect(MediaURI("https://localhost/abc") == nil)
        #expect(MediaURI("mxc://localhost/") == nil)
        #expect(MediaURI("mxc://localhost/a/b") == nil)
    }
}
