import Foundation
import ParleyContracts

/// Saving an attachment to a file the user chose: only for members of a room it was sent to, under a safe
/// name, never over an existing file unless asked, and never leaving half a file behind.
extension AttachmentHandler {
    func save(
        _ id: String, to destination: String, overwrite: Bool, by user: String, token: String,
        transfer: TransferID, context: Context
    ) async throws -> String {
        let record = try await authorize(user, token: token, for: id)
        let saver = Saver(
            record: record, typedDestination: destination, overwrite: overwrite, transfer: transfer, blobs: blobs,
            settings: settings, publish: context.publish)
        switch await BlockingIO.run({ flag in saver.run(cancellation: flag) }) {
        case let .success(path): return path
        case let .failure(.refused(error)): throw error
        case .failure(.cancelled): throw CancellationError()
        case let .failure(.broken(error)): throw error
        }
    }

    /// The stored blob's file, for a member to read (the media service previews from it).
    func locate(_ id: String, by user: String, token: String) async throws -> URL {
        let record = try await authorize(user, token: token, for: id)
        guard blobs.size(of: record.id) == record.size else { throw AttachmentError.unknownAttachment(id: id) }
        return blobs.url(of: record.id)
    }
}

/// One save, run on a blocking-I/O thread: a temporary file in the destination folder, filled a chunk at a
/// time, then given its name with `link` (which refuses an existing name atomically) or `rename` (which
/// replaces it, when the user asked to overwrite).
struct Saver: Sendable {
    let record: AttachmentRecord
    let typedDestination: String
    let overwrite: Bool
    let transfer: TransferID
    let blobs: BlobStore
    let settings: AttachmentSettings
    let publish: @Sendable (AttachmentEvent) -> Void

    func run(cancellation: CancellationFlag) -> Result<String, WorkStop> {
        let destination: SaveDestination
        switch SaveDestination.resolve(typedDestination, attachmentName: record.name) {
        case let .success(resolved): destination = resolved
        case let .failure(error): return .failure(.refused(error))
        }
        if !overwrite, FileManager.default.fileExists(atPath: destination.path) {
            return .failure(.refused(.destinationExists(path: destination.path)))
        }
        guard case let .success(source) = FileSystem.openForReading(blobs.url(of: record.id).path) else {
            return .failure(.refused(.unknownAttachment(id: record.id)))
        }
        defer { FileSystem.closeFile(source) }
        let reports = record.size > settings.progressThreshold
        if reports { report(0) }
        let result = write(from: source, to: destination, reportingProgress: reports, cancellation: cancellation)
        if reports {
            switch result {
            case .success: publish(.finished(transfer: transfer, reference: record.reference()))
            case let .failure(.refused(error)): publish(.failed(transfer: transfer, error: error))
            case .failure: break
            }
        }
        return result
    }

    private func write(
        from source: Int32, to destination: SaveDestination, reportingProgress: Bool, cancellation: CancellationFlag
    ) -> Result<String, WorkStop> {
        let temporaryPath = destination.folder + "/.parley-save-" + UUID().uuidString + ".part"
        // 0666 narrowed by the umask, as `cp` would create it: the user chose where this file goes.
        guard case let .success(output) = FileSystem.createExclusively(temporaryPath, mode: 0o666) else {
            return .failure(.refused(.cannotWrite(path: destination.path, reason: FileSystem.Failure.current.reason)))
        }
        var copy = StreamingCopy(hashing: false)
        if reportingProgress {
            copy.progressStep = max(Int64(StreamingCopy.chunkSize), record.size / 100)
            copy.progress = { [self] done in report(done) }
        }
        let copied = copy.run(from: source, to: output, cancellation: cancellation)
        FileSystem.closeFile(output)
        switch copied {
        case .success: break
        case .failure(.cancelled):
            FileSystem.remove(temporaryPath)
            return .failure(.cancelled)
        case let .failure(.read(error)):
            FileSystem.remove(temporaryPath)
            return .failure(.refused(.cannotWrite(path: destination.path, reason: error.reason)))
        case let .failure(.write(error)):
            FileSystem.remove(temporaryPath)
            return .failure(.refused(.cannotWrite(path: destination.path, reason: error.reason)))
        case .failure(.overLimit):
            FileSystem.remove(temporaryPath)
            return .failure(.refused(.cannotWrite(path: destination.path, reason: "the stored copy changed")))
        }
        return name(temporaryPath, as: destination.path)
    }

    private func name(_ temporaryPath: String, as path: String) -> Result<String, WorkStop> {
        defer { FileSystem.remove(temporaryPath) }  // after a link both names exist; after a rename, a no-op
        var named = overwrite ? FileSystem.move(temporaryPath, to: path) : FileSystem.hardLink(temporaryPath, to: path)
        if case let .failure(error) = named, !overwrite, [EPERM, EOPNOTSUPP, ENOSYS].contains(error.code) {
            // A file system without hard links (FAT, some network mounts): check, then rename. Another
            // program could slip a file in between, which is the best such a file system allows.
            named =
                FileManager.default.fileExists(atPath: path)
                ? .failure(FileSystem.Failure(code: EEXIST)) : FileSystem.move(temporaryPath, to: path)
        }
        switch named {
        case .success: return .success(path)
        case let .failure(error) where error.code == EEXIST: return .failure(.refused(.destinationExists(path: path)))
        case let .failure(error): return .failure(.refused(.cannotWrite(path: path, reason: error.reason)))
        }
    }

    private func report(_ done: Int64) {
        publish(
            .progress(
                TransferProgress(
                    transfer: transfer, direction: .saving, name: record.name, bytesDone: done,
                    totalBytes: record.size)))
    }
}
