import Crypto
import Foundation
import MatrixClient
import ParleyContracts
import ServiceRuntime

/// The attachment service on a homeserver: `/attach` copies the file into the local store (checked as
/// locally), then uploads it to the media repository; the reference's id is the `mxc://` URI. Saving,
/// previewing and playing download through the authenticated media endpoint into the local store once, then
/// read from there.
public struct MatrixAttachmentHandler: ServiceHandler, Sendable {
    public typealias Request = AttachmentRequest
    public typealias Reply = AttachmentReply
    public typealias Event = AttachmentEvent
    public typealias Failure = AttachmentError
    typealias Context = ServiceContext<AttachmentEvent, AttachmentRequest>

    let client: MatrixClient
    let blobs: BlobStore
    let database: AttachmentDatabase
    let media: MediaIndex
    let settings: AttachmentSettings

    public mutating func handle(
        _ request: AttachmentRequest, context: ServiceContext<AttachmentEvent, AttachmentRequest>
    ) async throws -> AttachmentReply {
        // The token is the access token: the homeserver checks it, and who may fetch what, on every transfer.
        if client.session?.accessToken != request.token {
            client.setSession(.init(userID: "", accessToken: request.token, deviceID: nil))
        }
        do {
            return try await dispatch(request, context: context)
        } catch let error as MatrixError {
            throw Self.attachmentError(error)
        }
    }

    private func dispatch(_ request: AttachmentRequest, context: Context) async throws -> AttachmentReply {
        switch request {
        case let .importFile(_, path, transfer):
            return .imported(try await importFile(path, transfer: transfer, context: context))
        case .bind:
            return .bound  // the message carries the mxc URI: the server needs nothing more
        case .release, .collectGarbage:
            // Media on a homeserver is the server's to keep; the local copies are a cache.
            return request.kind == "release" ? .released(.nothing) : .collected(.nothing)
        case let .save(_, attachment, destination, overwrite, transfer, name):
            var record = try await localRecord(of: attachment, name: name)
            // The name the message gives it, as the sender chose it: the folder save makes it safe.
            if let name, !name.isEmpty { record.name = name }
            let saver = Saver(
                record: record, typedDestination: destination, overwrite: overwrite, transfer: transfer, blobs: blobs,
                settings: settings, publish: context.publish)
            switch await BlockingIO.run({ flag in saver.run(cancellation: flag) }) {
            case let .success(path): return .saved(path: path)
            case let .failure(.refused(error)): throw error
            case .failure(.cancelled): throw CancellationError()
            case let .failure(.broken(error)): throw error
            }
        case let .locate(_, attachment):
            return .located(blobs.url(of: try await localRecord(of: attachment).id))
        case let .info(_, attachment):
            let record = try await localRecord(of: attachment)
            let reference = AttachmentReference(
                id: attachment, name: record.name, size: record.size, mediaType: record.mediaType)
            return .info(AttachmentInfo(reference: reference, rooms: []))
        }
    }

    /// Copies the file into the local store as the local service does (the same checks and progress), then
    /// uploads the stored copy.
    private func importFile(_ path: String, transfer: TransferID, context: Context) async throws -> ImportedAttachment {
        let importer = Importer(
            typedPath: path, user: "", transfer: transfer, blobs: blobs, database: database, settings: settings,
            publish: context.publish)
        let imported: ImportedAttachment
        switch await BlockingIO.run({ flag in importer.run(cancellation: flag) }) {
        case let .success(done): imported = done
        case let .failure(.refused(error)): throw error
        case .failure(.cancelled): throw CancellationError()
        case let .failure(.broken(error)): throw error
        }
        let local = imported.reference
        var progress: (@Sendable (Int64, Int64?) -> Void)?
        if local.size > settings.progressThreshold {
            progress = { done, _ in
                context.publish(
                    .progress(
                        ParleyContracts.TransferProgress(
                            transfer: transfer, direction: .importing, name: local.name, bytesDone: done,
                            totalBytes: local.size)))
            }
        }
        let uri = try await client.upload(
            file: blobs.url(of: local.id), filename: local.name, contentType: local.mediaType, progress: progress)
        try media.record(
            .init(blob: local.id, name: local.name, size: local.size, mediaType: local.mediaType), for: uri.description)
        return ImportedAttachment(
            reference: AttachmentReference(
                id: uri.description, name: local.name, size: local.size, mediaType: local.mediaType),
            wasAlreadyStored: false)
    }

    /// The local copy of `uri`, downloaded (once) when the store does not hold it and then known by `name`
    /// (the name its message gives it), else by its media id.
    private func localRecord(of uri: String, name: String? = nil) async throws -> AttachmentRecord {
        if let entry = media.entry(for: uri), blobs.size(of: entry.blob) == entry.size {
            return AttachmentRecord(
                id: entry.blob, name: entry.name, size: entry.size, mediaType: entry.mediaType, storedAt: Date())
        }
        guard let parsed = MediaURI(uri) else { throw AttachmentError.unknownAttachment(id: uri) }
        let temporary = blobs.folder.appendingPathComponent(
            BlobStore.temporaryPrefix + UUID().uuidString + BlobStore.temporarySuffix)
        defer { try? FileManager.default.removeItem(at: temporary) }
        let size = try await client.download(parsed, to: temporary)
        let (digest, prefix) = try Self.digest(of: temporary)
        let mediaType = ContentType.detect(prefix, isWholeFile: Int64(prefix.count) >= size)
        if case let .failure(error) = blobs.commit(temporary: temporary.path, as: digest, bytes: size) {
            throw AttachmentError.cannotStore(path: uri, reason: error.reason)
        }
        // The name it was sent with is in the message, not the media; without one, the id stands in.
        let known = name.flatMap { $0.isEmpty ? nil : $0 } ?? parsed.mediaID
        let entry = MediaIndex.Entry(blob: digest, name: known, size: size, mediaType: mediaType)
        try media.record(entry, for: uri)
        return AttachmentRecord(id: digest, name: entry.name, size: size, mediaType: mediaType, storedAt: Date())
    }

    /// The file's SHA-256 (lower-case hex, the store's blob name) and its first bytes, for the type.
    static func digest(of file: URL) throws -> (String, [UInt8]) {
        guard let handle = try? FileHandle(forReadingFrom: file) else {
            throw AttachmentError.cannotStore(path: file.path, reason: "the download cannot be read back")
        }
        defer { try? handle.close() }
        var hasher = SHA256()
        var prefix: [UInt8] = []
        while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty {
            hasher.update(data: chunk)
            if prefix.count < ContentType.sniffLength { prefix += chunk.prefix(ContentType.sniffLength - prefix.count) }
        }
        return (hasher.finalize().map { String(format: "%02x", $0) }.joined(), prefix)
    }

    static func attachmentError(_ error: MatrixError) -> AttachmentError {
        switch error {
        case .unknownToken: .notSignedIn(reason: error.description)
        case let .unreachable(server, reason): .serverUnreachable("\(server): \(reason)")
        default: .serverRefused(error.description)
        }
    }
}
