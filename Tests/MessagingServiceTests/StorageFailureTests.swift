import Foundation
import MessagingService
import ParleyContracts
import ParleyStorage
import ParleyTestKit
import ServiceRuntime
import Testing

@Suite(.timeLimit(.minutes(1)))
struct StorageFailureTests {
    enum BadFile: String, CaseIterable {
        case notADatabase, corrupt
    }

    /// A header SQLite accepts (4 KiB pages, two of them) followed by a first page of garbage.
    static func corruptDatabase() -> Data {
        var bytes = [UInt8](repeating: 0xFF, count: 8192)
        bytes.replaceSubrange(0..<100, with: [UInt8](repeating: 0, count: 100))
        bytes.replaceSubrange(0..<16, with: Array("SQLite format 3\0".utf8))
        let fields: [(Int, [UInt8])] = [
            (16, [0x10, 0x00]), (18, [1, 1, 0, 64, 32, 32]), (24, [0, 0, 0, 1]), (28, [0, 0, 0, 2]),
            (40, [0, 0, 0, 1]), (44, [0, 0, 0, 4]), (56, [0, 0, 0, 1]), (92, [0, 0, 0, 1]),
            (96, [0x00, 0x2E, 0x71, 0x88]),
        ]
        for (offset, value) in fields { bytes.replaceSubrange(offset..<(offset + value.count), with: value) }
        return Data(bytes)
    }

    @Test(arguments: BadFile.allCases)
    func anUnopenableStoreFailsTheStartWithItsSentence(_ kind: BadFile) async throws {
        let directory = TemporaryDirectory("bad-store")
        defer { directory.remove() }
        // Given a messages.sqlite that is not a usable database
        let data = directory.dataDirectory
        try data.prepare()
        let file = data.file("messages.sqlite")
        let contents =
            kind == .corrupt ? Self.corruptDatabase() : Data(String(repeating: "not sqlite ", count: 500).utf8)
        try contents.write(to: file)
        let expected: StorageError = kind == .corrupt ? .corrupt(path: file.path) : .notADatabase(path: file.path)
        // When the service starts
        let host = MessagingService.makeHost(
            dataDirectory: data,
            configuration: ServiceConfiguration(
                restartPolicy: RestartPolicy(
                    maxRestarts: 1, initialBackoff: .milliseconds(5), maxBackoff: .milliseconds(5))))
        await host.start()
        // Then it ends up failed, saying why in the storage error's words, and callers are told at once
        #expect(await eventually { host.status.state == .failed })
        #expect(host.status.lastError?.contains(expected.description) == true, "\(host.status.lastError ?? "")")
        await #expect(throws: CallError.self) { try await host.request(.hello(token: "any")) }
        await host.close()
    }
}
