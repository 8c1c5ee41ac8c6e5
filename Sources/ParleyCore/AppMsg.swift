import Foundation
import ParleyContracts
import ServiceRuntime

/// Every input to the app: a key, a resize, a service's status, reply or event, the clock.
public enum AppMsg: Sendable, Equatable {
    case input(TerminalInput)
    case serviceStatus(ServiceStatus)
    case serviceActionFinished(service: ServiceName, action: ServiceAction, state: ServiceState)
    /// A service's most recent messages, oldest first, for the debug panel.
    case serviceTrace(service: ServiceName, entries: [TraceEntry])
    case accountReplied(AccountRequest, Result<AccountReply, CallFailure<AccountError>>)
    case messagingReplied(MessagingRequest, Result<MessagingReply, CallFailure<MessagingError>>)
    case attachmentReplied(AttachmentRequest, Result<AttachmentReply, CallFailure<AttachmentError>>)
    case mediaReplied(MediaRequest, Result<MediaReply, CallFailure<MediaError>>)
    case accountEvent(AccountEvent)
    case messagingEvent(MessagingEvent)
    case attachmentEvent(AttachmentEvent)
    case mediaEvent(MediaEvent)
    case cameraReplied(CameraRequest, Result<CameraReply, CallFailure<CameraError>>)
    case cameraEvent(CameraEvent)
    /// Time passing, every few seconds: heartbeats go out on it.
    case tick(Date)
    /// The outbox `user` left last time, read back at sign-in.
    case outboxLoaded(user: String, messages: [PendingMessage])
    /// The outbox could not be read or written; the sentence says why.
    case outboxFailed(String)
    /// The rooms `user` had last time, read back at sign-in because messaging could not answer.
    case cacheLoaded(user: String, view: CachedView?)
    /// Something found outside the loop that the user must know (a service that could not start, a data
    /// directory others can read); the sentence says what and how to fix it.
    case problem(String)
}

/// What `update` asks the runtime to do; the runtime does the I/O and feeds results back as messages.
public enum AppEffect: Sendable, Equatable {
    case control(service: ServiceName, action: ServiceAction)
    /// Sets the faults the service injects into its requests (the debug panel's `s`, `f`, `0`).
    case injectFaults(service: ServiceName, FaultInjection)
    /// Crashes the service as a failing handler would (the debug panel's `c`).
    case crash(service: ServiceName)
    case account(AccountRequest)
    case messaging(MessagingRequest)
    case attachment(AttachmentRequest)
    case media(MediaRequest)
    case camera(CameraRequest)
    /// Read back what `user` left in the outbox last time (answered by `outboxLoaded`).
    case loadOutbox(user: String)
    /// Read back the rooms `user` had last time (answered by `cacheLoaded`).
    case loadCache(user: String)
    /// Draws the user's attention: the terminal bell and, where the settings allow, a desktop notification.
    case alert(Alert)
    case quit
}

/// Why a request got no reply from its service, in a form `update` can match on.
public enum CallFailure<Failure: Error & Equatable & Sendable>: Error, Sendable, Equatable {
    /// The service refused, for its own reason.
    case refused(Failure)
    /// The service is not running (stopped, crashed, restarting, failed).
    case unavailable(service: String)
    /// Overloaded, timed out, or failed on purpose: the sentence says which.
    case failed(String)

    public init(_ error: ServiceCallError<Failure>) {
        switch error {
        case let .failed(failure): self = .refused(failure)
        case let .unavailable(service, _): self = .unavailable(service: service)
        default: self = .failed(error.description)
        }
    }

    /// One sentence for the notice line; `resumes` says what comes back with an unavailable service.
    func sentence(resumes: String) -> String {
        switch self {
        case let .refused(failure): "\(failure)"
        case let .unavailable(service): "\(service) unavailable: \(resumes) when it is back"
        case let .failed(sentence): sentence
        }
    }
}
