import Foundation
import ParleyContracts
import ParleyStorage
import ServiceRuntime
import SessionTokens

/// Handles the attachment service's requests, one at a time. Its state is all on disk (the blob folder
/// and the database), so a fresh handler after a restart carries on where the last one stopped.
public struct AttachmentHandler: ServiceHandler, Sendable {
    public typealias Request = AttachmentRequest
    public typealias Reply = AttachmentReply
    public typealias Event = AttachmentEvent
    public typealias Failure = AttachmentError
    typealias Context = ServiceContext<AttachmentEvent, AttachmentRequest>

    let blobs: BlobStore
    let database: AttachmentDatabase
    let signer: TokenSigner
    let membership: any RoomMembershipChecking
    let settings: AttachmentSettings

    /// Opens the store, clearing what interrupted imports left behind and collecting what nothing keeps.
    static func open(
        in directory: DataDirectory, settings: AttachmentSettings, membership: any RoomMembershipChecking
    ) async throws -> AttachmentHandler {
        let opened = await BlockingIO.run { _ -> Result<AttachmentHandler, StorageError> in
            do throws(StorageError) {
                let signer = TokenSigner(
                    key: try SessionKey.loadOrCreate(in: directory), revocations: try RevocationList(in: directory))
                return .success(
                    AttachmentHandler(
                        blobs: try BlobStore(in: directory), database: try AttachmentDatabase(in: directory),
                        signer: signer, membership: membership, settings: settings))
            } catch {
                return .failure(error)
            }
        }
        let handler = try opened.get()
        await BlockingIO.run { _ -> Result<Void, Never> in
            handler.blobs.removeAbandonedTemporaryFiles()
            // A store that cannot be tidied now still serves; the next collection tries again.
            _ = try? handler.collect(among: nil)
            return .success(())
        }.get()
        return handler
    }

    public mutating func handle(
        _ request: AttachmentRequest, context: ServiceContext<AttachmentEvent, AttachmentRequest>
    ) async throws -> AttachmentReply {
        let (user, token) = (try verify(request.token), request.token)
        switch request {
        case let .importFile(_, path, transfer):
            return .imported(try await importFile(path, by: user, transfer: transfer, context: context))
        case let .bind(_, attachment, room, message):
            try await bind(attachment, to: room, message: message, by: user, token: token)
            return .bound
        case let .release(_, message):
            return .released(try await release(message))
        case let .save(_, attachment, destination, overwrite, transfer, _):
            let path = try await save(
                attachment, to: destination, overwrite: overwrite, by: user, token: token, transfer: transfer,
                context: context)
            return .saved(path: path)
        case let .locate(_, attachment):
            return .located(try await locate(attachment, by: user, token: token))
        case let .info(_, attachment):
            let record = try await authorize(user, token: token, for: attachment)
            let rooms = try database.rooms(of: record.id).map { RoomID($0) }
            return .info(AttachmentInfo(reference: record.reference(), rooms: rooms))
        case .collectGarbage:
            let handler = self
            return .collected(try await offload { try handler.collect(among: nil) })
        }
    }

    /// The canonical name of the user the token was issued to, if it is genuine, unexpired and unrevoked.
    private func verify(_ token: String) throws(AttachmentError) -> String {
        do {
            return try signer.verify(token, now: settings.now()).user
        } catch {
            throw .notSignedIn(reason: error.description)
        }
    }

    /// Runs blocking work (files, the database) off the concurrency pool. An `AttachmentError` is the
    /// caller's answer; any other error means the store is broken and escapes, so the host restarts us.
    func offload<Value: Sendable>(_ work: @escaping @Sendable () throws -> Value) async throws -> Value {
        let result = await BlockingIO.run { _ -> Result<Value, any Error> in
            Result { try work() }
        }
        return try result.get()
    }
}
