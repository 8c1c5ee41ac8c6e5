import Crypto
import Foundation
import ParleyTestKit
import Testing

@testable import AttachmentService

/// Both ways of copying (the kernel's, and by hand where the kernel cannot) store and hash the same bytes.
struct StreamingCopyTests {
    enum Path: String, CaseIterable, Sendable { case kernel, userSpace }

    static func copy(
        _ bytes: [UInt8], limit: Int64 = .max, by path: Path
    ) throws -> (Result<StreamingCopy.Outcome, StreamingCopy.Failure>, copied: Data) {
        let directory = TemporaryDirectory("copy")
        defer { directory.remove() }
        let sourceURL = directory.file("source")
        try Data(bytes).write(to: sourceURL)
        let source = open(sourceURL.path, O_RDONLY)
        let destination = open(directory.file("copy").path, O_CREAT | O_RDWR, 0o600)
        defer {
            close(source)
            close(destination)
        }
        let copy = StreamingCopy(limit: limit)
        let flag = CancellationFlag()
        let result =
            switch path {
            case .kernel: try #require(copy.runInKernel(from: source, to: destination, cancellation: flag))
            case .userSpace: copy.runInUserSpace(from: source, to: destination, cancellation: flag)
            }
        return (result, try Data(contentsOf: directory.file("copy")))
    }

    @Test(arguments: Path.allCases, [0, 1, StreamingCopy.chunkSize, 3 * StreamingCopy.chunkSize + 17])
    func copiesAndHashesEveryByte(by path: Path, size: Int) throws {
        let bytes = noise(count: size, seed: UInt64(size + 1))
        let (result, copied) = try Self.copy(bytes, by: path)
        let outcome = try result.get()
        #expect(copied == Data(bytes))
        #expect(outcome.bytes == Int64(size))
        #expect(outcome.digest == SHA256.hash(data: Data(bytes)).map { String(format: "%02x", $0) }.joined())
        #expect(outcome.prefix == Array(bytes.prefix(ContentType.sniffLength)))
    }

    @Test(arguments: Path.allCases)
    func stopsAtTheLimit(by path: Path) throws {
        let (result, _) = try Self.copy(noise(count: 2 * StreamingCopy.chunkSize), limit: 1_000, by: path)
        guard case .failure(.overLimit) = result else {
            Issue.record("expected the copy to stop at the limit, got \(result)")
            return
        }
    }
}
