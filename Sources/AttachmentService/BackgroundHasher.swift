import Crypto
import Dispatch

/// Hashes chunks on a thread of its own while the copying thread reads and writes the next ones.
///
/// SHA-256 runs at about the speed the kernel copies a file, so doing the two one after the other would
/// make an import twice as slow as `cp`; overlapped, the copy hides behind the hash. Chunks live in a small
/// ring of buffers: the copier fills one, hands it over, and only gets it back once it has been hashed.
final class BackgroundHasher: @unchecked Sendable {
    // Unchecked because of the buffers and `hasher`: `hasher` is only touched on the serial `queue`, and a
    // buffer belongs either to the copier (between `takeBuffer` and `hash`) or to `queue` (until it signals
    // `free`), never to both; the semaphore orders the handovers.
    private let queue = DispatchQueue(label: "parley.attachment.hash", qos: .utility)
    private let buffers: [UnsafeMutableRawBufferPointer]
    private let free: DispatchSemaphore
    private var hasher = SHA256()
    private var current = -1
    /// Whether the copier holds a buffer it has not handed over: it may stop half way, on an error.
    private var holding = false

    init(buffers count: Int, size: Int) {
        buffers = (0..<count).map { _ in UnsafeMutableRawBufferPointer.allocate(byteCount: size, alignment: 4096) }
        free = DispatchSemaphore(value: count)
    }

    /// Hashing work still queued holds a reference to `self`, so this runs only once it is all done.
    deinit {
        // Dispatch traps on a semaphore freed below its starting count: return the buffer the copier kept.
        if holding { free.signal() }
        for buffer in buffers { buffer.deallocate() }
    }

    /// The next buffer for the copier to fill, once the hasher has finished with it.
    func takeBuffer() -> UnsafeMutableRawBufferPointer {
        free.wait()
        holding = true
        current = (current + 1) % buffers.count
        return buffers[current]
    }

    /// Hashes the first `count` bytes of the buffer last taken; the copier may go on reading it (to write
    /// it out) but must not change it.
    func hash(count: Int) {
        let index = current
        holding = false
        queue.async { [self] in
            hasher.update(bufferPointer: UnsafeRawBufferPointer(rebasing: buffers[index][..<count]))
            free.signal()
        }
    }

    /// Hands back the buffer last taken, unhashed (the file ended or the copy stopped).
    func giveBack() {
        holding = false
        free.signal()
    }

    /// The digest of everything hashed, in lower-case hex; waits for queued chunks.
    func finish() -> String {
        queue.sync { hasher.finalize().map { byte in String(byte, radix: 16).leftPadded(to: 2) }.joined() }
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
