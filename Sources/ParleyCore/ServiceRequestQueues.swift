import ParleyContracts
import ServiceRuntime

/// Carries the core's requests to the services off the loop, one queue per service so that each service
/// sees requests in the order the user made them (two messages typed quickly arrive in that order), while a
/// slow service never holds up another.
final class ServiceRequestQueues: Sendable {
    private let account: AsyncStream<AccountRequest>.Continuation
    private let messaging: AsyncStream<MessagingRequest>.Continuation
    private let attachment: AsyncStream<AttachmentRequest>.Continuation
    private let media: AsyncStream<MediaRequest>.Continuation
    private let camera: AsyncStream<CameraRequest>.Continuation
    private let workers: [Task<Void, Never>]

    init(clients: AppClients, replies: AppInbox) {
        var workers: [Task<Void, Never>] = []
        account = Self.queue(to: clients.account, workers: &workers) { replies.yield(.accountReplied($0, $1)) }
        messaging = Self.queue(to: clients.messaging, workers: &workers) { replies.yield(.messagingReplied($0, $1)) }
        attachment = Self.queue(to: clients.attachment, workers: &workers) {
            replies.yield(.attachmentReplied($0, $1))
        }
        media = Self.queue(to: clients.media, workers: &workers) { replies.yield(.mediaReplied($0, $1)) }
        camera = Self.queue(to: clients.camera ?? NoCamera(), workers: &workers) {
            replies.yield(.cameraReplied($0, $1))
        }
        self.workers = workers
    }

    func send(_ effect: AppEffect) {
        switch effect {
        case let .account(request): account.yield(request)
        case let .messaging(request): messaging.yield(request)
        case let .attachment(request): attachment.yield(request)
        case let .media(request): media.yield(request)
        case let .camera(request): camera.yield(request)
        case .control, .injectFaults, .crash, .loadOutbox, .loadCache, .alert, .quit: break
        }
    }

    func finish() {
        account.finish()
        messaging.finish()
        attachment.finish()
        media.finish()
        camera.finish()
        for worker in workers { worker.cancel() }
    }

    /// A queue whose worker sends each request in turn and reports its outcome.
    private static func queue<Request: ServiceRequest, Reply: Sendable, Event: Sendable, Failure>(
        to client: any ServiceEndpoint<Request, Reply, Event, Failure>, workers: inout [Task<Void, Never>],
        report: @escaping @Sendable (Request, Result<Reply, CallFailure<Failure>>) -> Void
    ) -> AsyncStream<Request>.Continuation {
        let (requests, continuation) = AsyncStream<Request>.makeStream()
        workers.append(
            Task {
                for await request in requests {
                    do throws(ServiceCallError<Failure>) {
                        report(request, .success(try await client.request(request, caller: "app", timeout: nil)))
                    } catch {
                        report(request, .failure(CallFailure(error)))
                    }
                }
            })
        return continuation
    }
}
