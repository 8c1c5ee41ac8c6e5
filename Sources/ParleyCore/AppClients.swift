import ParleyContracts
import ServiceRuntime

/// The app core's handles on the services: their contracts only, never their implementations.
public struct AppClients: Sendable {
    public var account: any ServiceEndpoint<AccountRequest, AccountReply, AccountEvent, AccountError>
    public var messaging: any ServiceEndpoint<MessagingRequest, MessagingReply, MessagingEvent, MessagingError>
    public var attachment: any ServiceEndpoint<AttachmentRequest, AttachmentReply, AttachmentEvent, AttachmentError>
    public var media: any ServiceEndpoint<MediaRequest, MediaReply, MediaEvent, MediaError>

    public init(
        account: any ServiceEndpoint<AccountRequest, AccountReply, AccountEvent, AccountError>,
        messaging: any ServiceEndpoint<MessagingRequest, MessagingReply, MessagingEvent, MessagingError>,
        attachment: any ServiceEndpoint<AttachmentRequest, AttachmentReply, AttachmentEvent, AttachmentError>,
        media: any ServiceEndpoint<MediaRequest, MediaReply, MediaEvent, MediaError>
    ) {
        self.account = account
        self.messaging = messaging
        self.attachment = attachment
        self.media = media
    }
}
