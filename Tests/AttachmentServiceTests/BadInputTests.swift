import Foundation
import ParleyContracts
import ParleyTestKit
import Testing

@testable import AttachmentService

/// Bad input gets one sentence and changes nothing: no blob, no temporary file, no row.
@Suite(.timeLimit(.minutes(1)))
struct BadInputTests {
    enum BadFile: String, CaseIterable, Sendable {
        case missing, directory, symlinkLoop, fifo, escapeSequences, bidiOverride
    }

    /// Makes the bad file in `service`'s directory and says what the service should answer.
    static func make(_ kind: BadFile, in service: Harness) throws -> (path: String, expected: AttachmentError) {
        switch kind {
        case .missing:
            let path = service.directory.file("nowhere.txt").path
            return (path, .notFound(path: path))
        case .directory:
            let path = service.directory.file("holiday photos").path
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
            return (path, .isDirectory(path: path))
        case .symlinkLoop:
            // Unreadable even for root, unlike a file without permissions.
            let path = service.directory.file("loop").path
            try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: path)
            return (path, .unreadable(path: path, reason: "Too many levels of symbolic links"))
        case .fifo:
            let path = service.directory.file("pipe").path
            #expect(mkfifo(path, 0o600) == 0)
            return (path, .notARegularFile(path: path))
        case .escapeSequences:
            let path = try service.write("\u{1B}]0;owned\u{07}\u{1B}[2J\u{1B}[31mred.txt", Array("x".utf8))
            return (path, .unsafeName(path: path))
        case .bidiOverride:
            let path = try service.write("invoice\u{202E}fdp.exe", Array("MZ".utf8))
            return (path, .unsafeName(path: path))
        }
    }

    @Test(arguments: BadFile.allCases)
    func badFilesAreRefusedInOneSentence(_ kind: BadFile) async throws {
        try await withService { service in
            let (path, expected) = try Self.make(kind, in: service)
            let error = await service.refusal(.importFile(token: service.token("alice"), path: path))
            #expect(error == expected)
            let sentence = error?.description ?? ""
            #expect(!sentence.contains("\n") && !sentence.unicodeScalars.contains { $0.value == 0x1B })
            #expect(service.blobNames.isEmpty)
            #expect(
                try FileManager.default.contentsOfDirectory(atPath: service.blobFolder.path).allSatisfy {
                    !$0.hasSuffix(".part")
                })
        }
    }

    @Test func anEscapeSequenceNameIsShownHarmlessly() {
        let error = AttachmentError.unsafeName(path: "/tmp/\u{1B}[31mred.txt")
        #expect(error.description.hasPrefix("the name of /tmp/␛[31mred.txt contains control characters"))
    }

    @Test(.enabled(if: getuid() != 0, "root reads files whatever their permissions"))
    func aFileWithoutReadPermissionIsRefused() async throws {
        try await withService { service in
            let path = try service.write("secret.txt", Array("s".utf8))
            #expect(chmod(path, 0) == 0)
            let error = await service.refusal(.importFile(token: service.token("alice"), path: path))
            #expect(error == .unreadable(path: path, reason: "Permission denied"))
        }
    }

    @Test func aForgedTokenIsRefused() async throws {
        try await withService { service in
            let path = try service.write("a.txt", Array("a".utf8))
            let error = await service.refusal(.importFile(token: "not.a-token", path: path))
            #expect(error == .notSignedIn(reason: "the session token was not issued here; sign in again"))
            #expect(service.blobNames.isEmpty)
        }
    }

    @Test func anUnknownAttachmentIsNamedAsSuch() async throws {
        try await withService { service in
            let id = String(repeating: "ab", count: 32)
            let error = await service.refusal(.locate(token: service.token("alice"), attachment: id))
            #expect(
                error?.description == "attachment abababababab is not stored here; ask the sender to attach it again")
            // A path smuggled in as an id is just an unknown attachment, never a file outside the store.
            let escape = await service.refusal(.locate(token: service.token("alice"), attachment: "../session.key"))
            #expect(escape == .unknownAttachment(id: "../session.key"))
        }
    }
}
