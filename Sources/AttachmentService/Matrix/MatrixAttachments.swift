import MatrixClient
import ParleyStorage
import ServiceRuntime

/// The wiring's entry point to the attachment service on a Matrix homeserver (`--server URL`).
public enum MatrixAttachments {
    /// A stopped host whose handler uploads to and downloads from `server`'s media repository with a client
    /// of its own, which outlives restarts of the service; the caller shuts it down once the host has stopped
    /// for good. Files pass through the local content-addressed store (`attachments/`), so each is
    /// downloaded once.
    public static func makeHost(
        server: Homeserver, dataDirectory: DataDirectory, configuration: ServiceConfiguration = .init(),
        maxSize: Int64 = AttachmentService.defaultMaxSize
    ) -> (host: ServiceHost<MatrixAttachmentHandler>, client: MatrixClient) {
        let client = MatrixClient(homeserver: server)
        let settings = AttachmentSettings(maxSize: maxSize)
        let host = ServiceHost(name: AttachmentService.name, configuration: configuration) { _ in
            try MatrixAttachmentHandler(
                client: client, blobs: BlobStore(in: dataDirectory), database: AttachmentDatabase(in: dataDirectory),
                media: MediaIndex(directory: dataDirectory), settings: settings)
        }
        return (host, client)
    }
}
