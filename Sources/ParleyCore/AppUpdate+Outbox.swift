import ParleyContracts
import ServiceRuntime

/// The outbox: messages sent while messaging is off wait, marked pending, and go once it is back, in the
/// order they were written. Sends carry the client-made id, so one sent twice (the app quit before the
/// reply came) is stored once.

/// Whether messaging is known to be down; with no status yet (a test's state), it is taken to be up.
func isMessagingDown(in state: AppState) -> Bool {
    guard let messaging = state.services.first(where: { $0.name == "messaging" }) else { return false }
    return messaging.state != .running
}

/// Sends every message waiting in the outbox, oldest first, if messaging is up and someone is signed in.
func flushOutbox(in state: inout AppState) -> [AppEffect] {
    guard let token = state.chat.session?.token, !isMessagingDown(in: state) else { return [] }
    var effects: [AppEffect] = []
    for index in state.chat.pending.indices where state.chat.pending[index].isQueued {
        state.chat.pending[index].isQueued = false
        effects.append(.messaging(request(sending: state.chat.pending[index], token: token)))
    }
    return effects
}

func request(sending message: PendingMessage, token: String) -> MessagingRequest {
    .send(
        token: token, room: message.room, id: message.id, text: message.text, replyTo: message.replyTo,
        attachments: message.attachments)
}

/// Puts a sent message back in the outbox, to go again with the same id (stored once however often it goes).
func requeue(_ id: MessageID, because failure: CallFailure<MessagingError>, in state: inout AppState) {
    guard let index = state.chat.pending.firstIndex(where: { $0.id == id }) else { return }
    state.chat.pending[index].isQueued = true
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

/// What the user left unsent last time, read back at sign-in: it goes before anything new.
func handleOutboxLoaded(_ messages: [PendingMessage], user: String, in state: inout AppState) -> [AppEffect] {
    guard state.chat.session?.user == user else { return [] }
    let waiting = messages.filter { message in !state.chat.pending.contains { $0.id == message.id } }
    guard !waiting.isEmpty else { return [] }
    state.chat.pending.insert(
        contentsOf: waiting.map { message in
            var queued = message
            queued.isQueued = true
            return queued
        }, at: 0)
    state.notice = "\(waiting.count) unsent message\(waiting.count == 1 ? "" : "s") from last time in the outbox"
    return flushOutbox(in: &state)
}
