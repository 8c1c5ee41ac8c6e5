import Foundation
import ParleyContracts
import ParleyStorage
import ServiceRuntime

/// The attachment service: files imported into a content-addressed store under `attachments/` in the data
/// directory, their metadata in `attachments.sqlite`, fetched only by members of the rooms they were sent to.
public enum AttachmentService {
    /// The service's name, as the debug panel and `/service` show it.
    public static let name = ServiceName.attachment.rawValue

    /// The size limit when the settings say nothing: 100 MiB.
    public static let defaultMaxSize: Int64 = 100 * 1_048_576

    /// A stopped host for the service; `start()` opens the store, and fails with the store's own sentence
    /// if it cannot be opened.
    /// - Parameters:
    ///   - maxSize: the largest file, in bytes, that may be imported (`[attachments] max_size_mb`).
    ///   - membership: asks the messaging service whether a user is in a room.
    public static func makeHost(
        dataDirectory: DataDirectory, configuration: ServiceConfiguration = .init(),
        maxSize: Int64 = defaultMaxSize, membership: any RoomMembershipChecking
    ) -> ServiceHost<AttachmentHandler> {
        makeHost(
            dataDirectory: dataDirectory, configuration: configuration, settings: AttachmentSettings(maxSize: maxSize),
            membership: membership)
    }

    /// The same with every knob, for tests: a clock, the grace period and the progress threshold.
    static func makeHost(
        dataDirectory: DataDirectory, configuration: ServiceConfiguration, settings: AttachmentSettings,
        membership: any RoomMembershipChecking
    ) -> ServiceHost<AttachmentHandler> {
        ServiceHost(name: name, configuration: configuration) { _ in
            try await AttachmentHandler.open(in: dataDirectory, settings: settings, membership: membership)
        }
    }
}

/// What the service is told at start besides where its data is.
struct AttachmentSettings: Sendable {
    var maxSize: Int64
    /// How long an import that no message carries yet is kept: long enough to write the message.
    var gracePeriod: TimeInterval = 24 * 60 * 60
    /// Transfers larger than this report progress.
    var progressThreshold: Int64 = 1 << 20
    var now: @Sendable () -> Date = { Date() }
}
