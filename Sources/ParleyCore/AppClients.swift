import ParleyContracts
import ServiceRuntime

/// The app core's handles on the services: their contracts only, never their implementations.
public struct AppClients: Sendable {
    public var account: any ServiceEndpoint<AccountRequest, AccountReply, AccountEvent, AccountError>
    public var messaging: any ServiceEndpoint<MessagingRequest, MessagingReply, MessagingEvent, MessagingError>
    public var attachment: any ServiceEndpoint<AttachmentRequest, AttachmentReply, AttachmentEvent, AttachmentError>
    public var media: any ServiceEndpoint<MediaRequest, MediaReply, MediaEvent, MediaError>
    /// Nil where no camera service is hosted: `/camera` then says the camera is unavailable.
    public var camera: (any ServiceEndpoint<CameraRequest, CameraReply, CameraEvent, CameraError>)?

    public init(
        account: any ServiceEndpoint<AccountRequest, AccountReply, AccountEvent, AccountError>,
        messaging: any ServiceEndpoint<MessagingRequest, MessagingReply, MessagingEvent, MessagingError>,
        attachment: any ServiceEndpoint<AttachmentRequest, AttachmentReply, AttachmentEvent, AttachmentError>,
        media: any ServiceEndpoint<MediaRequest, MediaReply, MediaEvent, MediaError>,
        camera: (any ServiceEndpoint<CameraRequest, CameraReply, CameraEvent, CameraError>)? = nil
    ) {
        self.account = account
        self.messaging = messaging
        self.attachment = attachment
        self.media = media
        self.camera = camera
    }
}
