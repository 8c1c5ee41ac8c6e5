import Foundation
import ParleyContracts
import ParleyTestKit
import Testing

@testable import AttachmentService

@Suite(.timeLimit(.minutes(1)))
struct SaveTests {
    /// Imports `bytes` as alice and sends it to #general, where alice and bob are members.
    static func sent(
        _ name: String, _ bytes: [UInt8], in service: Harness, room: RoomID = RoomID("#general")
    ) async throws -> AttachmentReference {
        service.membership.add("alice", to: room)
        service.membership.add("bob", to: room)
        let reference = try await service.importFile(try service.write(name, bytes)).reference
        _ = try await service.host.request(
            .bind(token: service.token("alice"), attachment: reference.id, room: room, message: MessageID("m1")))
        return reference
    }

    static func makeFolder(_ name: String, in service: Harness) throws -> String {
        let path = service.directory.file(name).path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    @Test func aMemberSavesIntoAFolderUnderTheOriginalName() async throws {
        try await withService { service in
            let reference = try await Self.sent("plan.pdf", Array("%PDF-1.4 plan".utf8), in: service)
            let folder = try Self.makeFolder("downloads", in: service)

            let reply = try await service.host.request(
                .save(token: service.token("bob"), attachment: reference.id, destination: folder))

            #expect(reply == .saved(path: folder + "/plan.pdf"))
            #expect(try Data(contentsOf: URL(fileURLWithPath: folder + "/plan.pdf")) == Data("%PDF-1.4 plan".utf8))
        }
    }

    static let typedNames: [(typed: String, saved: String)] = [
        ("\u{1B}[31mred\u{1B}[0m.txt", "red.txt"),
        ("\u{1B}]0;pwned\u{07}title.txt", "title.txt"),
        ("bell\u{07}\u{08}\u{7F}.txt", "bell.txt"),
        (".bashrc", "bashrc"),
        ("a..b...txt", "a.b.txt"),
        ("\u{202E}gpj.exe", "gpj.exe"),
        ("\u{1B}[2J\u{1B}[H", "notes.txt"),
    ]

    @Test(arguments: typedNames)
    func typedNamesAreMadeSafe(_ example: (typed: String, saved: String)) async throws {
        try await withService { service in
            let reference = try await Self.sent("notes.txt", Array("n".utf8), in: service)
            let folder = try Self.makeFolder("out", in: service)

            let reply = try await service.host.request(
                .save(token: service.token("bob"), attachment: reference.id, destination: folder + "/" + example.typed))

            #expect(reply == .saved(path: folder + "/" + example.saved))
            #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == [example.saved])
        }
    }

    @Test func anExistingFileIsKeptUnlessOverwriteIsAsked() async throws {
        try await withService { service in
            let reference = try await Self.sent("todo.txt", Array("new".utf8), in: service)
            let existing = try service.write("todo-saved.txt", Array("mine".utf8))
            let token = service.token("bob")

            let error = await service.refusal(.save(token: token, attachment: reference.id, destination: existing))
            #expect(error == .destinationExists(path: existing))
            #expect(try String(contentsOfFile: existing, encoding: .utf8) == "mine")

            let reply = try await service.host.request(
                .save(token: token, attachment: reference.id, destination: existing, overwrite: true))
            #expect(reply == .saved(path: existing))
            #expect(try String(contentsOfFile: existing, encoding: .utf8) == "new")
            // No temporary file is left beside it.
            #expect(
                try FileManager.default.contentsOfDirectory(atPath: service.directory.path).allSatisfy {
                    !$0.hasSuffix(".part")
                })
        }
    }

    @Test func aMissingFolderIsNamed() async throws {
        try await withService { service in
            let reference = try await Self.sent("todo.txt", Array("x".utf8), in: service)
            let folder = service.directory.file("no such folder").path
            let error = await service.refusal(
                .save(token: service.token("bob"), attachment: reference.id, destination: folder + "/todo.txt"))
            #expect(error == .destinationFolderMissing(path: folder))
        }
    }

    @Test func aLargeSaveReportsProgress() async throws {
        try await withService { service in
            let bytes = noise(count: 3 << 20)
            let reference = try await Self.sent("video.mp4", bytes, in: service)
            let events = service.host.events(bufferSize: 1024)
            let transfer = TransferID()
            let target = service.directory.file("video copy.mp4").path

            _ = try await service.host.request(
                .save(token: service.token("bob"), attachment: reference.id, destination: target, transfer: transfer))

            let last = await firstElement(of: events) { event in
                if case let .progress(progress) = event { progress.bytesDone == 3 << 20 } else { false }
            }
            guard case let .progress(progress) = last else { throw Harness.Unexpected() }
            #expect(progress.direction == .saving && progress.transfer == transfer)
            #expect(try Data(contentsOf: URL(fileURLWithPath: target)) == Data(bytes))
        }
    }
}
