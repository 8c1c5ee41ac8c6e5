import Foundation
import MatrixClient
import ParleyContracts
import ServiceRuntime

/// The messaging service on a homeserver: rooms, messages, history and search, behind the same contract as
/// the local store. What was synced is kept in `MatrixCache`, so history and search work offline.
///
/// The request's token is the Matrix access token: every request acts as its owner. Sends go with the
/// message id as the transaction id, so a retried send is one event; with the server unreachable they fail
/// as `serverUnreachable`, which keeps them in the app's outbox.
public struct MatrixMessagingHandler: ServiceHandler {
    public typealias Request = MessagingRequest
    public typealias Reply = MessagingReply
    public typealias Event = MessagingEvent
    public typealias Failure = MessagingError
    typealias Context = ServiceContext<MessagingEvent, MessagingRequest>

    let client: MatrixClient
    let cache: MatrixCache
    let sync: SyncMonitor
    /// How many events a limited sync's gap is filled with per room, at most (see `GapFiller`).
    let catchUpLimit: Int
    /// The account served, once a request named its token.
    var reader: MatrixEventReader?

    init(client: MatrixClient, cache: MatrixCache, sync: SyncMonitor, catchUpLimit: Int) {
        self.client = client
        self.cache = cache
        self.sync = sync
        self.catchUpLimit = catchUpLimit
    }

    public mutating func handle(
        _ request: MessagingRequest, context: ServiceContext<MessagingEvent, MessagingRequest>
    ) async throws -> MessagingReply {
        do {
            let reader = try await signIn(request.token)
            // Whatever the request, the account's loop runs: a restart or a new sign-in starts it.
            startSync(reader: reader, context: context)
            return try await dispatch(request, reader: reader, context: context)
        } catch let error as MatrixError {
            throw Self.messagingError(error)
        }
    }

    private func dispatch(
        _ request: MessagingRequest, reader: MatrixEventReader, context: Context
    ) async throws -> MessagingReply {
        let account = reader.account
        switch request {
        case .hello:
            return .welcome(user: reader.shownName(account), rooms: try rooms(reader))
        case let .createRoom(_, name):
            return .room(try await createRoom(InputRules.roomName(name), reader: reader))
        case let .joinRoom(_, name):
            return .room(try await joinRoom(InputRules.roomName(name), reader: reader))
        case let .leaveRoom(_, room):
            try await client.leave(room.rawValue)
            try cache.removeRoom(room, account: account)
            return .left(room)
        case let .openDirect(_, user):
            return .room(try await openDirect(with: user, reader: reader))
        case .listRooms:
            return .rooms(try rooms(reader))
        case let .listMembers(_, room):
            return .members(try await members(of: room, reader: reader))
        case let .send(_, room, id, text, replyTo, attachments):
            try InputRules.checkID(id)
            try InputRules.checkText(text, hasAttachments: !attachments.isEmpty)
            let draft = OutgoingMessage(room: room, id: id, text: text, replyTo: replyTo, attachments: attachments)
            return .message(try await send(draft, reader: reader))
        case let .sendBatch(_, messages):
            guard messages.count <= MessagingRequest.maximumBatch else {
                throw MessagingError.batchTooLarge(count: messages.count, limit: MessagingRequest.maximumBatch)
            }
            var outcomes: [Result<ChatMessage, MessagingError>] = []
            // Once the server is out of reach, nothing after that message is tried: were it back a moment later,
            // a later message would be stored before the one that waits, out of the order it was written.
            var unreachable: MessagingError?
            for message in messages {
                if let unreachable {
                    outcomes.append(.failure(unreachable))
                    continue
                }
                do {
                    try InputRules.checkID(message.id)
                    try InputRules.checkText(message.text, hasAttachments: !message.attachments.isEmpty)
                    outcomes.append(.success(try await send(message, reader: reader)))
                } catch {
                    let failure = (error as? MessagingError) ?? (error as? MatrixError).map(Self.messagingError)
                    guard let failure else { throw error }
                    if case .serverUnreachable = failure { unreachable = failure }
                    outcomes.append(.failure(failure))
                }
            }
            return .batch(outcomes)
        case let .edit(_, id, text):
            try InputRules.checkText(text)
            return .message(try await edit(id, text: text, reader: reader))
        case let .delete(_, id):
            return .message(try await delete(id, reader: reader))
        case let .history(_, room, cursor, limit):
            let page = try await history(of: room, from: cursor, limit: InputRules.limit(limit), reader: reader)
            return .history(try withReceipts(page, reader: reader))
        case let .markRead(_, room, id, sendsReceipt):
            return .room(try await markRead(room, upTo: id, sendsReceipt: sendsReceipt, reader: reader))
        case let .react(_, id, key):
            return .message(try await react(to: id, key: InputRules.reactionKey(key), reader: reader))
        case let .unreact(_, id):
            return .message(try await unreact(to: id, reader: reader))
        case let .typing(_, room, isTyping):
            guard try cache.cachedRoom(room, account: account) != nil else { throw MessagingError.notAMember(room) }
            try await client.setTyping(isTyping, in: room.rawValue, timeout: MessagingRequest.typingTimeout)
            return .accepted
        case let .search(_, text, room, limit, before):
            let query = try InputRules.searchQuery(text)
            return .found(
                try cache.search(
                    query, room: room, before: before, account: account, limit: InputRules.limit(limit)))
        }
    }

    /// The account of `token`: from the cache when this token was seen before (so the service works while
    /// the server is away), else asked of the server once.
    private mutating func signIn(_ token: String) async throws -> MatrixEventReader {
        if let reader, client.session?.accessToken == token { return reader }
        let account: String
        if let known = try cache.account(forToken: token) {
            account = known
            try cache.remember(account: known, token: token)
        } else {
            client.setSession(.init(userID: "", accessToken: token, deviceID: nil))
            account = try await client.whoami().userID
            try cache.remember(account: account, token: token)
        }
        client.setSession(.init(userID: account, accessToken: token, deviceID: nil))
        let reader = MatrixEventReader(account: account)
        self.reader = reader
        return reader
    }

    func rooms(_ reader: MatrixEventReader) throws(MessagingError) -> [Room] {
        try cache.rooms(account: reader.account, shownName: reader.shownName)
    }

    func room(_ id: RoomID, reader: MatrixEventReader) throws(MessagingError) -> Room {
        guard let room = try cache.room(id, account: reader.account, shownName: reader.shownName) else {
            throw .notAMember(id)
        }
        return room
    }

    /// The server part of the account's id (`localhost` for `@ann:localhost`): where `#room` and `ann` live.
    static func serverName(of account: String) -> String {
        String(account.split(separator: ":", maxSplits: 1).last ?? "")
    }
}
