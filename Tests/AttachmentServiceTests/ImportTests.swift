import Crypto
import Foundation
import ParleyContracts
import ParleyTestKit
import ServiceRuntime
import Testing

@testable import AttachmentService

@Suite(.timeLimit(.minutes(1)))
struct ImportTests {
    @Test func sameContentIsStoredOnce() async throws {
        try await withService { service in
            // Given the same bytes under two names
            let bytes = Array("the minutes of Tuesday's meeting\n".utf8)
            let first = try service.write("minutes.txt", bytes)
            let second = try service.write("copy of minutes.txt", bytes)

            // When both are imported
            let one = try await service.importFile(first)
            let two = try await service.importFile(second, as: "bob")

            // Then there is one blob, named by the content's hash, and each import keeps its own name
            let digest = SHA256.hash(data: Data(bytes)).map { String(format: "%02x", $0) }.joined()
            #expect(one.reference.id == digest && two.reference.id == digest)
            #expect(!one.wasAlreadyStored && two.wasAlreadyStored)
            #expect(one.reference.name == "minutes.txt" && two.reference.name == "copy of minutes.txt")
            #expect(service.blobNames == [digest])
        }
    }

    @Test func largeFileIsStreamedWithProgress() async throws {
        try await withService { service in
            // Given a 6 MiB file and a subscriber
            let bytes = noise(count: 6 << 20)
            let path = try service.write("holiday.mov", bytes)
            let events = service.host.events(bufferSize: 1024)
            let transfer = TransferID()

            // When it is imported
            let imported = try await service.importFile(path, transfer: transfer)

            // Then progress rose to the whole size, the transfer finished, and the blob holds the same bytes
            let finished = await firstElement(of: events) { event in
                if case .finished(transfer, _) = event { true } else { false }
            }
            #expect(finished == .finished(transfer: transfer, reference: imported.reference))
            #expect(imported.reference.size == Int64(bytes.count))
            let stored = try Data(contentsOf: service.blobFolder.appendingPathComponent(imported.reference.id))
            #expect(stored == Data(bytes))
        }
    }

    @Test func progressEventsCountUpToTheTotal() async throws {
        try await withService { service in
            let path = try service.write("big.bin", noise(count: 5 << 20 + 123))
            let events = service.host.events(bufferSize: 1024)
            let transfer = TransferID()
            _ = try await service.importFile(path, transfer: transfer)

            var done: [Int64] = []
            for await event in events {
                if case let .progress(progress) = event, progress.transfer == transfer {
                    #expect(progress.direction == .importing && progress.totalBytes == 5 << 20 + 123)
                    done.append(progress.bytesDone)
                }
                if case .finished = event { break }
            }
            #expect(done.first == 0 && done.last == 5 << 20 + 123)
            #expect(done == done.sorted() && done.count >= 3)
        }
    }

    @Test func smallFilesReportNoProgress() async throws {
        try await withService { service in
            let events = service.host.events()
            _ = try await service.importFile(try service.write("note.txt", Array("hi\n".utf8)))
            // A large import afterwards is the marker: its events come after any the small one made.
            let transfer = TransferID()
            _ = try await service.importFile(try service.write("big.bin", noise(count: 2 << 20)), transfer: transfer)
            let first = await firstElement(of: events) { _ in true }
            guard case let .progress(progress) = first else { throw Harness.Unexpected() }
            #expect(progress.transfer == transfer)
        }
    }

    static let contentCases: [(name: String, bytes: [UInt8], type: String)] = [
        ("looks-like-text.txt", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13], "image/png"),
        ("photo.txt", [0xFF, 0xD8, 0xFF, 0xE0, 0, 16] + Array("JFIF".utf8), "image/jpeg"),
        ("anim.dat", Array("GIF89a".utf8) + [1, 0, 1, 0], "image/gif"),
        ("sticker", Array("RIFF".utf8) + [0, 0, 0, 0] + Array("WEBPVP8 ".utf8), "image/webp"),
        ("report.png", Array("%PDF-1.7\n".utf8), "application/pdf"),
        ("archive.jpg", [0x50, 0x4B, 0x03, 0x04, 20, 0], "application/zip"),
        ("voice.mp3", Array("RIFF".utf8) + [0, 0, 0, 0] + Array("WAVEfmt ".utf8), "audio/wav"),
        ("song", Array("fLaC".utf8) + [0, 0, 0, 34], "audio/flac"),
        ("song.wav", Array("OggS".utf8) + [0, 2], "audio/ogg"),
        ("track", Array("ID3".utf8) + [4, 0, 0], "audio/mpeg"),
        ("clip", [0, 0, 0, 24] + Array("ftypisom".utf8), "video/mp4"),
        ("photo.png", Array("Grüße aus Köln, 東京\n".utf8), "text/plain"),
        ("data.txt", [0x00, 0x01, 0x02, 0xFE, 0xFF, 0x10], "application/octet-stream"),
    ]

    @Test(arguments: contentCases)
    func typeComesFromTheContent(_ example: (name: String, bytes: [UInt8], type: String)) async throws {
        try await withService { service in
            let imported = try await service.importFile(try service.write(example.name, example.bytes))
            #expect(imported.reference.mediaType == example.type)
            #expect(imported.reference.name == example.name)
        }
    }

    @Test func anEmptyFileIsAttachedWithANotice() async throws {
        try await withService { service in
            let imported = try await service.importFile(try service.write("empty.log", []))
            #expect(imported.reference.size == 0)
            #expect(imported.notice == "empty.log is empty (0 bytes); it is attached all the same")
        }
    }

    @Test func theLimitIsCheckedBeforeCopying() async throws {
        try await withService(maxSize: 1 << 20) { service in
            // Given a file one byte over a 1 MiB limit
            let path = try service.write("too big.iso", noise(count: 1 << 20 + 1))

            // When it is imported, then it is refused in one sentence and nothing is stored
            let error = await service.refusal(.importFile(token: service.token("alice"), path: path))
            #expect(error == .tooLarge(path: path, bytes: 1 << 20 + 1, limit: 1 << 20))
            #expect(error?.description == "\(path) is 1048577 bytes; attachments are limited to 1048576 bytes")
            #expect(service.blobNames.isEmpty)

            // And a file at the limit is fine
            let fits = try service.write("fits.iso", noise(count: 1 << 20))
            #expect(try await service.importFile(fits).reference.size == 1 << 20)
        }
    }
}
