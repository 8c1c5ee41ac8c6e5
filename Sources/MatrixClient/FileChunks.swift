import Foundation
import NIOCore

/// A file read in chunks as an async sequence of buffers, reporting the bytes read so far.
///
/// Streams an upload from disk so that a large file never sits in memory whole.
struct FileChunks: AsyncSequence, Sendable {
    typealias Element = ByteBuffer

    let url: URL
    let total: Int64
    let chunkSize: Int
    let progress: TransferProgress?

    struct AsyncIterator: AsyncIteratorProtocol {
        let handle: FileHandle
        let total: Int64
        let chunkSize: Int
        let progress: TransferProgress?
        var sent: Int64 = 0

        mutating func next() async throws -> ByteBuffer? {
            try Task.checkCancellation()
            guard let data = try handle.read(upToCount: chunkSize), !data.isEmpty else {
                try? handle.close()
                return nil
            }
            sent += Int64(data.count)
            progress?(sent, total)
            return ByteBuffer(bytes: data)
        }
    }

    func makeAsyncIterator() -> AsyncIterator {
        // The file was opened once already to check it, so a failure here is a race; it ends the body early
        // and the server answers with an error the caller sees.
        let handle = (try? FileHandle(forReadingFrom: url)) ?? FileHandle.nullDevice
        return AsyncIterator(handle: handle, total: total, chunkSize: chunkSize, progress: progress)
    }
}
