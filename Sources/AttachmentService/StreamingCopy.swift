import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Copies one open file into another a chunk at a time, so memory stays at a few chunks whatever the size,
/// hashing exactly the bytes it writes: the blob's name then always matches its content, even if the source
/// changes under us.
struct StreamingCopy {
    static let chunkSize = 1 << 20

    struct Outcome: Sendable {
        var bytes: Int64
        /// Lower-case hex SHA-256 of what was written, when hashing was asked for.
        var digest: String?
        /// The first bytes, for type detection.
        var prefix: [UInt8]
    }

    enum Failure: Error {
        case read(FileSystem.Failure)
        case write(FileSystem.Failure)
        /// The source held more than `limit` bytes after all.
        case overLimit(bytes: Int64)
        case cancelled
    }

    var limit: Int64 = .max
    var hashing = true
    /// Report progress whenever at least this many more bytes are done, and at the end.
    var progressStep: Int64 = .max
    var progress: (@Sendable (Int64) -> Void)?

    func run(from source: Int32, to destination: Int32, cancellation: CancellationFlag) -> Result<Outcome, Failure> {
        if hashing, let copied = runInKernel(from: source, to: destination, cancellation: cancellation) {
            return copied
        }
        return runInUserSpace(from: source, to: destination, cancellation: cancellation)
    }

    /// Reads each chunk into memory and writes it out, hashing it meanwhile on another thread.
    func runInUserSpace(
        from source: Int32, to destination: Int32, cancellation: CancellationFlag
    ) -> Result<Outcome, Failure> {
        let hasher = hashing ? BackgroundHasher(buffers: 4, size: Self.chunkSize) : nil
        let plain = hashing ? nil : UnsafeMutableRawBufferPointer.allocate(byteCount: Self.chunkSize, alignment: 4096)
        defer { plain?.deallocate() }
        var outcome = Outcome(bytes: 0, digest: nil, prefix: [])
        var reported: Int64 = 0
        while true {
            let buffer = hasher?.takeBuffer() ?? plain!
            if cancellation.isRaised { return .failure(.cancelled) }
            let filled: Int
            switch fill(buffer, from: source) {
            case let .success(count): filled = count
            case let .failure(error): return .failure(.read(error))
            }
            if filled == 0 {
                hasher?.giveBack()
                break
            }
            if outcome.bytes + Int64(filled) > limit {
                return .failure(.overLimit(bytes: outcome.bytes + Int64(filled)))
            }
            let chunk = UnsafeRawBufferPointer(rebasing: buffer[..<filled])
            if outcome.prefix.count < ContentType.sniffLength {
                outcome.prefix += chunk.prefix(ContentType.sniffLength - outcome.prefix.count)
            }
            hasher?.hash(count: filled)
            if case let .failure(error) = drain(chunk, to: destination) { return .failure(.write(error)) }
            outcome.bytes += Int64(filled)
            if let progress, outcome.bytes - reported >= progressStep {
                reported = outcome.bytes
                progress(reported)
            }
        }
        if let progress, reported != outcome.bytes { progress(outcome.bytes) }
        outcome.digest = hasher?.finish()
        return .success(outcome)
    }

    /// Reads until the buffer is full or the file ends: a short read is not the end of a file.
    private func fill(_ buffer: UnsafeMutableRawBufferPointer, from source: Int32) -> Result<Int, FileSystem.Failure> {
        var filled = 0
        while filled < buffer.count {
            let count = read(source, buffer.baseAddress! + filled, buffer.count - filled)
            if count < 0 {
                if errno == EINTR { continue }
                return .failure(.current)
            }
            if count == 0 { break }
            filled += count
        }
        return .success(filled)
    }

    private func drain(_ chunk: UnsafeRawBufferPointer, to destination: Int32) -> Result<Void, FileSystem.Failure> {
        var written = 0
        while written < chunk.count {
            let count = write(destination, chunk.baseAddress! + written, chunk.count - written)
            if count < 0 {
                if errno == EINTR { continue }
                return .failure(.current)
            }
            written += count
        }
        return .success(())
    }
}
