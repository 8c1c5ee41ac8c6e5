import Foundation
import ParleyContracts
import ParleyTestKit
import Testing

@testable import AttachmentService

#if canImport(Glibc)
    import Glibc
#endif

/// Blobs nothing refers to are collected; imports not yet sent are kept for a grace period.
@Suite(.timeLimit(.minutes(1)))
struct CollectionTests {
    @Test func releasingTheLastMessageCollectsTheBlob() async throws {
        try await withService { service in
            // Given an attachment carried by two messages
            let reference = try await SaveTests.sent("a.txt", Array("abc".utf8), in: service)
            _ = try await service.host.request(
                .bind(
                    token: service.token("alice"), attachment: reference.id, room: RoomID("#general"),
                    message: MessageID("m2")))

            // When one message is deleted, the blob stays; when the other is too, it goes
            let first = try await service.host.request(
                .release(token: service.token("alice"), message: MessageID("m1")))
            #expect(first == .released(.nothing))
            #expect(service.blobNames == [reference.id])
            let second = try await service.host.request(
                .release(token: service.token("alice"), message: MessageID("m2")))
            #expect(second == .released(GarbageReport(blobs: 1, bytes: 3)))
            #expect(service.blobNames.isEmpty)

            // Then it is gone for everyone
            let error = await service.refusal(.locate(token: service.token("alice"), attachment: reference.id))
            #expect(error == .unknownAttachment(id: reference.id))
        }
    }

    @Test func anUnsentImportIsKeptForTheGracePeriod() async throws {
        try await withService { service in
            let reference = try await service.importFile(try service.write("draft.txt", Array("draft".utf8))).reference
            let token = service.token("alice")

            service.clock.advance(by: Harness.gracePeriod - 60)
            #expect(try await service.host.request(.collectGarbage(token: token)) == .collected(.nothing))
            #expect(service.blobNames == [reference.id])

            service.clock.advance(by: 120)
            let reply = try await service.host.request(.collectGarbage(token: token))
            #expect(reply == .collected(GarbageReport(blobs: 1, bytes: 5)))
            #expect(service.blobNames.isEmpty)
        }
    }

    @Test func aSentAttachmentOutlivesTheGracePeriod() async throws {
        try await withService { service in
            let reference = try await SaveTests.sent("a.txt", Array("kept".utf8), in: service)
            service.clock.advance(by: Harness.gracePeriod * 10)
            let token = service.token("alice")
            #expect(try await service.host.request(.collectGarbage(token: token)) == .collected(.nothing))
            #expect(service.blobNames == [reference.id])
        }
    }

    @Test func aBlobFileTheDatabaseDoesNotKnowIsCollected() async throws {
        try await withService { service in
            let stray = String(repeating: "0", count: 64)
            try Data("left over".utf8).write(to: service.blobFolder.appendingPathComponent(stray))
            let reply = try await service.host.request(.collectGarbage(token: service.token("alice")))
            #expect(reply == .collected(GarbageReport(blobs: 1, bytes: 9)))
            #expect(service.blobNames.isEmpty)
        }
    }

    @Test func anInterruptedImportLeavesNothingBehind() async throws {
        // Given a temporary file from an import that died half way, and one another process is writing now
        let abandoned = ".import-0A1B2C3D.part"
        let inUse = ".import-4E5F6071.part"
        let writer = LockedFile()
        try await withService(prepare: { directory in
            let folder = try directory.prepare(subdirectory: "attachments")
            try Data(noise(count: 4096)).write(to: folder.appendingPathComponent(abandoned))
            try writer.create(folder.appendingPathComponent(inUse).path)
        }) { service in
            // When the service has started, then the abandoned file is gone and the busy one left alone
            let names = try FileManager.default.contentsOfDirectory(atPath: service.blobFolder.path)
            #expect(!names.contains(abandoned))
            #expect(names.contains(inUse))
            #expect(service.blobNames.isEmpty)
        }
        writer.close()
    }
}

/// An import stopped half way (the service stopping) removes its temporary file and stores nothing.
struct CancelledImportTests {
    @Test func aCancelledImportRemovesItsTemporaryFile() throws {
        let directory = TemporaryDirectory("attachment")
        defer { directory.remove() }
        let source = directory.file("big.bin")
        try Data(noise(count: 3 << 20)).write(to: source)
        let blobs = try BlobStore(in: directory.dataDirectory)
        let importer = Importer(
            typedPath: source.path, user: "alice", transfer: TransferID(), blobs: blobs,
            database: try AttachmentDatabase(in: directory.dataDirectory),
            settings: AttachmentSettings(maxSize: 1 << 30), publish: { _ in })
        let stopping = CancellationFlag()
        stopping.raise()

        guard case .failure(.cancelled) = importer.run(cancellation: stopping) else {
            Issue.record("the import should have stopped")
            return
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: blobs.folder.path).filter { $0 != ".lock" } == [])
    }
}

/// A file held with an advisory lock, as an importing process holds its temporary file.
final class LockedFile {
    private var descriptor: Int32 = -1

    func create(_ path: String) throws {
        descriptor = open(path, O_CREAT | O_WRONLY, 0o600)
        guard descriptor >= 0, flock(descriptor, LOCK_EX) == 0 else { throw Harness.Unexpected() }
    }

    func close() { _ = Glibc.close(descriptor) }
}
