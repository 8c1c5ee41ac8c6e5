import ParleyContracts
import ParleyStorage
import ServiceRuntime

/// The messaging service: rooms, messages, read markers and search, in `messages.sqlite`.
///
/// Every request is authorised twice over: its token must be genuine, current and not revoked, and the
/// caller must be a member of any room it reads or writes. A refused request changes nothing.
public struct MessagingHandler: ServiceHandler {
    public typealias Request = MessagingRequest
    public typealias Reply = MessagingReply
    public typealias Event = MessagingEvent
    public typealias Failure = MessagingError
    public typealias Context = ServiceContext<MessagingEvent, MessagingRequest>

    let store: MessageStore
    var authoriser: Authoriser
    let audience: Audience
    /// Users already recorded by this incarnation, so that only a user's first request writes for it.
    var entered: Set<String> = []

    /// Opens the store and starts the live-event feed; a store that cannot be opened throws its
    /// `StorageError`, which the host reports as the reason the service could not start.
    static func start(in directory: DataDirectory, audience: Audience, context: Context) throws -> MessagingHandler {
        let store = try MessageStore(directory: directory)
        let authoriser = try Authoriser(directory: directory)
        let feed = ChangeFeed(store: store, audience: audience)
        let start = try store.latestChange()
        let changes = try DatabaseChangeWatcher(directory: directory, fileName: MessageStore.fileName).changes()
        context.spawn { await feed.run(changes, from: start, publish: context.publish) }
        return MessagingHandler(store: store, authoriser: authoriser, audience: audience)
    }

    public mutating func handle(_ request: MessagingRequest, context: Context) async throws -> MessagingReply {
        let user = try authoriser.user(for: request.token)
        if !entered.contains(user) {
            // Any first request counts as entering, so a client that skipped `hello` still finds #general.
            try store.enter(user: user)
            entered.insert(user)
            audience.insert(user)
        }
        switch request {
        case .hello:
            return .welcome(user: user, rooms: try store.rooms(of: user))
        case let .createRoom(_, name):
            return .room(try store.createRoom(named: InputRules.roomName(name), by: user))
        case let .joinRoom(_, name):
            return .room(try store.joinRoom(named: InputRules.roomName(name), user: user))
        case let .leaveRoom(_, room):
            try store.leaveRoom(room, user: user)
            return .left(room)
        case let .openDirect(_, other):
            let other = try InputRules.userName(other)
            guard other != user else { throw MessagingError.cannotMessageYourself }
            return .room(try store.openDirect(from: user, with: other))
        case .listRooms:
            return .rooms(try store.rooms(of: user))
        case let .listMembers(_, room):
            return .members(try store.members(of: room, askedBy: user))
        case let .send(_, room, id, text, replyTo, attachments):
            try InputRules.checkID(id)
            try InputRules.checkText(text, hasAttachments: !attachments.isEmpty)
            let draft = Draft(room: room, id: id, text: text, replyTo: replyTo, attachments: attachments)
            return .message(try store.post(draft, by: user))
        case let .sendBatch(_, messages):
            return .batch(try sendBatch(messages, by: user))
        case let .edit(_, id, text):
            try InputRules.checkText(text)
            return .message(try store.edit(id, text: text, by: user))
        case let .delete(_, id):
            return .message(try store.delete(id, by: user))
        case let .history(_, room, cursor, limit):
            return .history(try store.history(of: room, from: cursor, limit: InputRules.limit(limit), askedBy: user))
        case let .markRead(_, room, id, sendsReceipt):
            return .room(try store.markRead(room, upTo: id, user: user, sendsReceipt: sendsReceipt))
        case let .react(_, id, key):
            return .message(try store.react(to: id, key: InputRules.reactionKey(key), by: user))
        case let .unreact(_, id):
            return .message(try store.unreact(to: id, by: user))
        case let .typing(_, room, isTyping):
            try store.setTyping(isTyping, in: room, user: user)
            return .accepted
        case let .search(_, text, room, limit, before):
            let query = try InputRules.searchQuery(text)
            return .found(
                try store.search(query, in: room, before: before, limit: InputRules.limit(limit), askedBy: user))
        }
    }

    /// Checks each message, then stores those that passed in one transaction; outcomes keep the order sent.
    private func sendBatch(
        _ messages: [OutgoingMessage], by user: String
    ) throws(MessagingError) -> [Result<ChatMessage, MessagingError>] {
        guard messages.count <= MessagingRequest.maximumBatch else {
            throw .batchTooLarge(count: messages.count, limit: MessagingRequest.maximumBatch)
        }
        var outcomes: [Result<ChatMessage, MessagingError>?] = Array(repeating: nil, count: messages.count)
        var passed: [(index: Int, draft: Draft)] = []
        for (index, message) in messages.enumerated() {
            do throws(MessagingError) {
                try InputRules.checkID(message.id)
                try InputRules.checkText(message.text, hasAttachments: !message.attachments.isEmpty)
                passed.append((index, message))
            } catch {
                outcomes[index] = .failure(error)
            }
        }
        let stored = try store.post(passed.map(\.draft), by: user)
        for (entry, outcome) in zip(passed, stored) { outcomes[entry.index] = outcome }
        return outcomes.map { $0! }
    }
}
