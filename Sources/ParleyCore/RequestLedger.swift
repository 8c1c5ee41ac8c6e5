import ParleyContracts
import Synchronization

/// The service requests the app has made and not yet seen answered, each with the input that caused it, so that
/// whoever typed keys can wait until everything those keys set off has been answered or has failed: the
/// scenario runner's `send /register ann pw1` is followed by `send /join #general` only once ann is signed in
/// and in her room.
///
/// A cause is the inbox number of the input message (key, paste) that started the chain; what a reply leads to
/// inherits the cause of the request it answers. Requests with no such cause (heartbeats on the clock, a room
/// listing an event asked for) are counted under cause 0 and never waited for.
final class RequestLedger: Sendable {
    /// Where the answers to requests come back in the order the requests went: one queue per service, one per
    /// service's controls.
    enum Channel: Hashable, Sendable {
        case account, messaging, attachment, media, camera
        case control(service: ServiceName)

        /// The service, as outstanding requests are named (`account.login`, `media.stop`).
        var service: ServiceName {
            switch self {
            case .account: .account
            case .messaging: .messaging
            case .attachment: .attachment
            case .media: .media
            case .camera: .camera
            case let .control(service): service
            }
        }
    }

    private struct Entry {
        let cause: Int
        /// The request's kind (`login`), or the control's action (`stop`).
        let kind: String
    }

    private struct Books {
        var queues: [Channel: [Entry]] = [:]
        /// Where each queue's oldest unanswered entry is; answered entries before it are dropped in bulk.
        var heads: [Channel: Int] = [:]
    }

    private let books = Mutex(Books())

    /// Records a request of `kind` made on `channel` because of input `cause`.
    func opened(_ channel: Channel, kind: String, cause: Int) {
        books.withLock { $0.queues[channel, default: []].append(Entry(cause: cause, kind: kind)) }
    }

    /// The cause of the oldest request on `channel`, which the answer now being handled answers; it stays open
    /// until `closed` so that what the answer leads to is recorded before it goes.
    func answering(_ channel: Channel) -> Int {
        books.withLock { books in
            let head = books.heads[channel, default: 0]
            guard let queue = books.queues[channel], head < queue.count else { return 0 }
            return queue[head].cause
        }
    }

    /// The oldest request on `channel` has been answered and everything it led to recorded.
    func closed(_ channel: Channel) {
        books.withLock { books in
            guard var queue = books.queues[channel] else { return }
            let head = books.heads[channel, default: 0] + 1
            if head >= queue.count {
                queue.removeAll(keepingCapacity: true)
                books.heads[channel] = 0
            } else if head > 64 {
                queue.removeFirst(head)
                books.heads[channel] = 0
            } else {
                books.heads[channel] = head
            }
            books.queues[channel] = queue
        }
    }

    /// The requests still unanswered that inputs in `causes` set off, as `service.kind` labels, oldest first.
    func outstanding(causedBy causes: ClosedRange<Int>) -> [String] {
        books.withLock { books in
            books.queues.flatMap { channel, queue in
                queue[books.heads[channel, default: 0]...].filter { causes.contains($0.cause) }
                    .map { "\(channel.service).\($0.kind)" }
            }
        }
    }
}
