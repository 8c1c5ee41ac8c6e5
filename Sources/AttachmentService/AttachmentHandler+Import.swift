import Foundation
import ParleyContracts

/// Importing a file: checks that change nothing come first, then one streaming pass copies, hashes and
/// sniffs the content into a locked temporary file, which an atomic rename turns into the blob.
extension AttachmentHandler {
    func importFile(
        _ path: String, by user: String, transfer: TransferID, context: Context
    ) async throws -> ImportedAttachment {
        let importer = Importer(
            typedPath: path, user: user, transfer: transfer, blobs: blobs, database: database, settings: settings,
            publish: context.publish)
        let result = await BlockingIO.run { flag in importer.run(cancellation: flag) }
        switch result {
        case let .success(imported): return imported
        case let .failure(.refused(error)): throw error
        case .failure(.cancelled): throw CancellationError()
        case let .failure(.broken(error)): throw error
        }
    }
}

/// Why blocking work stopped short.
enum WorkStop: Error {
    /// The request is refused with this sentence; nothing changed.
    case refused(AttachmentError)
    /// The service is stopping; whatever was half done has been removed.
    case cancelled
    /// The store itself failed (the database, most likely).
    case broken(any Error)
}

/// One import, run on a blocking-I/O thread from start to finish.
struct Importer: Sendable {
    typealias Outcome = Result<ImportedAttachment, WorkStop>

    let typedPath: String
    let user: String
    let transfer: TransferID
    let blobs: BlobStore
    let database: AttachmentDatabase
    let settings: AttachmentSettings
    let publish: @Sendable (AttachmentEvent) -> Void

    var name: String { URL(fileURLWithPath: typedPath).lastPathComponent }

    func run(cancellation: CancellationFlag) -> Outcome {
        let source: (descriptor: Int32, size: Int64)
        switch openSource() {
        case let .success(opened): source = opened
        case let .failure(error): return .failure(.refused(error))
        }
        defer { FileSystem.closeFile(source.descriptor) }
        let reports = source.size > settings.progressThreshold
        if reports { report(0, of: source.size) }
        let result = copyAndCommit(source, reportingProgress: reports, cancellation: cancellation)
        if reports {
            switch result {
            case let .success(imported): publish(.finished(transfer: transfer, reference: imported.reference))
            case let .failure(.refused(error)): publish(.failed(transfer: transfer, error: error))
            case .failure: break  // stopping or broken: the service itself goes down, which says enough
            }
        }
        return result
    }

    /// The source, open and checked: present, a regular file, readable, within the limit, decently named.
    private func openSource() -> Result<(descriptor: Int32, size: Int64), AttachmentError> {
        let path = Self.expand(typedPath)
        switch FileSystem.status(of: path) {
        case let .failure(error) where error.code == ENOENT || error.code == ENOTDIR:
            return .failure(.notFound(path: typedPath))
        case let .failure(error):
            return .failure(.unreadable(path: typedPath, reason: error.reason))
        case let .success(status) where status.isDirectory:
            return .failure(.isDirectory(path: typedPath))
        case let .success(status) where !status.isRegularFile:
            return .failure(.notARegularFile(path: typedPath))
        case let .success(status) where status.size > settings.maxSize:
            return .failure(.tooLarge(path: typedPath, bytes: status.size, limit: settings.maxSize))
        case .success:
            break
        }
        if SafeFileName.isUnsafe(name) { return .failure(.unsafeName(path: typedPath)) }
        let descriptor: Int32
        switch FileSystem.openForReading(path) {
        case let .success(opened): descriptor = opened
        case let .failure(error): return .failure(.unreadable(path: typedPath, reason: error.reason))
        }
        // Check what was opened, not only what the name pointed to a moment ago.
        guard case let .success(status) = FileSystem.status(of: descriptor), status.isRegularFile else {
            FileSystem.closeFile(descriptor)
            return .failure(.notARegularFile(path: typedPath))
        }
        return .success((descriptor, status.size))
    }

    private func copyAndCommit(
        _ source: (descriptor: Int32, size: Int64), reportingProgress: Bool, cancellation: CancellationFlag
    ) -> Outcome {
        let temporary: (descriptor: Int32, path: String)
        switch blobs.makeTemporaryFile() {
        case let .success(made): temporary = made
        case let .failure(error): return .failure(.refused(.cannotStore(path: typedPath, reason: error.reason)))
        }
        // Closing releases the lock that marks the temporary file as in use, so it comes last.
        defer { FileSystem.closeFile(temporary.descriptor) }
        var copy = StreamingCopy(limit: settings.maxSize)
        if reportingProgress {
            copy.progressStep = max(Int64(StreamingCopy.chunkSize), source.size / 100)
            copy.progress = { [self] done in report(done, of: source.size) }
        }
        let outcome: StreamingCopy.Outcome
        switch copy.run(from: source.descriptor, to: temporary.descriptor, cancellation: cancellation) {
        case let .success(copied): outcome = copied
        case let .failure(failure):
            FileSystem.remove(temporary.path)
            return .failure(stop(for: failure))
        }
        return commit(temporary.path, outcome)
    }

    /// Records the attachment, then names the blob, both under the store's lock so that no collection in
    /// any process runs between the two.
    private func commit(_ temporaryPath: String, _ outcome: StreamingCopy.Outcome) -> Outcome {
        let record = AttachmentRecord(
            id: outcome.digest!, name: name, size: outcome.bytes,
            mediaType: ContentType.detect(outcome.prefix, isWholeFile: outcome.bytes <= outcome.prefix.count),
            storedAt: settings.now())
        return blobs.exclusively {
            do {
                try database.recordImport(record, by: user, pendingUntil: settings.now() + settings.gracePeriod)
            } catch {
                FileSystem.remove(temporaryPath)
                return .failure(.broken(error))
            }
            switch blobs.commit(temporary: temporaryPath, as: record.id, bytes: record.size) {
            case let .success(wasStored):
                return .success(
                    ImportedAttachment(reference: record.reference(named: name), wasAlreadyStored: wasStored))
            case let .failure(error):
                FileSystem.remove(temporaryPath)
                return .failure(.refused(.cannotStore(path: typedPath, reason: error.reason)))
            }
        }
    }

    private func stop(for failure: StreamingCopy.Failure) -> WorkStop {
        switch failure {
        case .cancelled: .cancelled
        case let .read(error): .refused(.unreadable(path: typedPath, reason: error.reason))
        case let .write(error): .refused(.cannotStore(path: typedPath, reason: error.reason))
        case .overLimit: .refused(.changedWhileReading(path: typedPath))
        }
    }

    private func report(_ done: Int64, of total: Int64) {
        publish(
            .progress(
                TransferProgress(
                    transfer: transfer, direction: .importing, name: name, bytesDone: done, totalBytes: total)))
    }

    /// A path as the user typed it, with `~` expanded; relative paths are taken from the working directory.
    static func expand(_ typed: String) -> String {
        URL(fileURLWithPath: NSString(string: typed).expandingTildeInPath).standardizedFileURL.path
    }
}
