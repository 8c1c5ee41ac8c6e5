import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The fast path of an import: the kernel copies each chunk file to file (`copy_file_range`, as `cp` does),
/// and the chunk is then read back from the copy to be hashed. Hashing the copy rather than the source
/// keeps the blob's name true to its bytes even if the source changes meanwhile, and the hash, on a thread
/// of its own, overlaps the next chunk's copy.
extension StreamingCopy {
    private typealias CopyFileRange =
        @convention(c) (
            Int32, UnsafeMutablePointer<Int64>?, Int32, UnsafeMutablePointer<Int64>?, Int, UInt32
        ) -> Int

    /// Looked up at run time: Swift's Glibc module does not export it, and old systems lack it.
    private static let copyFileRange: CopyFileRange? = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "copy_file_range")
        .map { unsafeBitCast($0, to: CopyFileRange.self) }

    /// Errors that mean "not between these two files" rather than a failed copy; the caller copies by hand.
    private static let unsupported: Set<Int32> = [ENOSYS, EXDEV, EINVAL, EOPNOTSUPP, EBADF, ETXTBSY]

    /// Copies and hashes in the kernel's way; nil if the kernel cannot copy between these files, before
    /// anything was copied. `destination` must be open for reading too.
    func runInKernel(
        from source: Int32, to destination: Int32, cancellation: CancellationFlag
    ) -> Result<Outcome, Failure>? {
        guard let copyFileRange = Self.copyFileRange else { return nil }
        let hasher = BackgroundHasher(buffers: 4, size: Self.chunkSize)
        var outcome = Outcome(bytes: 0, digest: nil, prefix: [])
        var reported: Int64 = 0
        while true {
            if cancellation.isRaised { return .failure(.cancelled) }
            var copied = 0
            while copied < Self.chunkSize {
                let count = copyFileRange(source, nil, destination, nil, Self.chunkSize - copied, 0)
                if count > 0 {
                    copied += count
                } else if count == 0 {
                    break
                } else if errno == EINTR {
                    continue
                } else if outcome.bytes == 0, copied == 0, Self.unsupported.contains(errno) {
                    return nil
                } else {
                    return .failure(.write(.current))
                }
            }
            if copied == 0 { break }
            if outcome.bytes + Int64(copied) > limit {
                return .failure(.overLimit(bytes: outcome.bytes + Int64(copied)))
            }
            let buffer = hasher.takeBuffer()
            guard pread(destination, buffer.baseAddress!, copied, off_t(outcome.bytes)) == copied else {
                hasher.giveBack()
                return .failure(.write(.current))
            }
            if outcome.prefix.count < ContentType.sniffLength {
                outcome.prefix += buffer.prefix(min(copied, ContentType.sniffLength - outcome.prefix.count))
            }
            hasher.hash(count: copied)
            outcome.bytes += Int64(copied)
            if let progress, outcome.bytes - reported >= progressStep {
                reported = outcome.bytes
                progress(reported)
            }
        }
        if let progress, reported != outcome.bytes { progress(outcome.bytes) }
        outcome.digest = hasher.finish()
        return .success(outcome)
    }
}
