import ParleyContracts
import ServiceRuntime

/// The outbox: messages sent while messaging is off wait, marked pending, and go once it is back, in the
/// order they were written. Sends carry the client-made id, so one sent twice (the app quit before the
/// reply came) is stored once.

/// Whether messaging is known to be down; with no status yet (a test's state), it is taken to be up.
func isMessagingDown(in state: AppState) -> Bool {
    isDown(.messaging, in: state)
}

/// Whether the service `name` is known to be down; with no status yet (a test's state), it is taken to be up.
func isDown(_ name: ServiceName, in state: AppState) -> Bool {
    guard let service = state.services.first(where: { $0.service == name }) else { return false }
    return service.state != .running
}

/// Sends what waits in the outbox, if someone is signed in: per room, nothing while an earlier item of the
/// room is still unconfirmed (so that a failed send, retried, cannot land after a later one). What waits
/// goes in order: a file first to the attachment service, which takes it in; messages, once messaging is
/// up, as one `sendBatch` when several wait, which the service stores in order in one transaction.
func flushOutbox(in state: inout AppState) -> [AppEffect] {
    guard let token = state.chat.session?.token else { return [] }
    let pending = state.chat.pending
    let busy = Set(pending.lazy.filter { !$0.isQueued }.map(\.room))
    var waiting: [RoomID: [Int]] = [:]
    var rooms: [RoomID] = []
    for index in pending.indices where pending[index].isQueued && !busy.contains(pending[index].room) {
        if waiting[pending[index].room] == nil { rooms.append(pending[index].room) }
        waiting[pending[index].room, default: []].append(index)
    }
    var effects: [AppEffect] = []
    for room in rooms {
        let indices = waiting[room] ?? []
        guard let first = indices.first else { continue }
        if let file = pending[first].file {
            guard !isDown(.attachment, in: state) else { continue }
            state.chat.pending[first].isQueued = false
            let transfer = fileTransfer(of: pending[first].id)
            effects.append(.attachment(.importFile(token: token, path: file, transfer: transfer)))
            continue
        }
        guard !isMessagingDown(in: state) else { continue }
        let run = indices.prefix { pending[$0].file == nil }.prefix(MessagingRequest.maximumBatch)
        for index in run { state.chat.pending[index].isQueued = false }
        let messages = run.map { state.chat.pending[$0] }
        effects.append(
            messages.count == 1
                ? .messaging(request(sending: messages[0], token: token))
                : .messaging(.sendBatch(token: token, messages: messages.map(\.outgoing))))
    }
    return effects
}

/// The transfer that takes in the file a queued `/attach` left in the outbox, named after its message.
func fileTransfer(of message: MessageID) -> TransferID {
    TransferID(rawValue: message.rawValue + "-file")
}

func request(sending message: PendingMessage, token: String) -> MessagingRequest {
    .send(
        token: token, room: message.room, id: message.id, text: message.text, replyTo: message.replyTo,
        attachments: message.attachments)
}

extension PendingMessage {
    var outgoing: OutgoingMessage {
        OutgoingMessage(room: room, id: id, text: text, replyTo: replyTo, attachments: attachments)
    }

    /// Whether `other` carries what this does, waiting or on its way: what the outbox on disk must know.
    func carriesTheSame(as other: PendingMessage) -> Bool {
        var waiting = other
        waiting.isQueued = isQueued
        return waiting == self
    }
}

/// Puts sent messages back in the outbox, to go again with the same ids (stored once however often they go),
/// ahead of anything written since: they keep their places in the list.
func requeue(_ ids: [MessageID], because failure: CallFailure<MessagingError>, in state: inout AppState) {
    let ids = Set(ids)
    for index in state.chat.pending.indices where ids.contains(state.chat.pending[index].id) {
        state.chat.pending[index].isQueued = true
    }
    if case .unavailable = failure {
        noteQueued(in: &state)
    } else if case .refused(.serverUnreachable) = failure {
        state.notice = "server unreachable: your message waits in the outbox and goes when it answers"
    } else {
        state.notice = "\(failure.sentence(resumes: "sending resumes")); your message waits in the outbox to go again"
    }
}

func noteQueued(in state: inout AppState) {
    state.notice = "messaging unavailable: your message waits in the outbox and goes when it is back"
}

/// Whether anything waits in the outbox.
func hasQueued(in state: AppState) -> Bool {
    state.chat.pending.contains { $0.isQueued }
}

/// What waits in the user's outbox on disk, read at sign-in, when messaging comes back and now and then: what
/// this instance left last time, or what another instance of the user left when it ended (killed, say). Each
/// message this instance does not hold yet joins the list in the place the outbox gives it, so that what was
/// written first goes first; those held already stay as they are.
func handleOutboxLoaded(_ messages: [PendingMessage], user: String, in state: inout AppState) -> [AppEffect] {
    guard state.chat.session?.user == user else { return [] }
    let held = Set(state.chat.pending.map(\.id))
    let found = messages.filter { !held.contains($0.id) }
    guard !found.isEmpty else { return [] }
    let place = Dictionary(messages.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
    for message in found {
        let rank = place[message.id] ?? 0
        // Before the first message held that the outbox lists after it; at the end if there is none.
        let index =
            state.chat.pending.firstIndex { other in place[other.id].map { $0 > rank } ?? false }
            ?? state.chat.pending.endIndex
        var queued = message
        queued.isQueued = true
        state.chat.pending.insert(queued, at: index)
    }
    state.notice = "\(found.count) unsent message\(found.count == 1 ? "" : "s") from last time in the outbox"
    return flushOutbox(in: &state)
}
