import ParleyContracts

/// Enter: runs the command typed, or sends the text to the current room. A command leaves the input line
/// whatever becomes of it (it is one Up away in the history, and a refusal says why); a message that cannot be
/// sent stays, as the user wrote it.
func submitInput(in state: inout AppState) -> [AppEffect] {
    let text = state.input.text
    guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { return [] }
    if text.hasPrefix("/") && !text.hasPrefix("//") {
        _ = state.input.submit()
        switch Command.parse(text) {
        case let .failure(error):
            state.notice = error.description
            return []
        case let .success(command):
            return run(command, in: &state)
        }
    }
    let message = text.hasPrefix("//") ? String(text.dropFirst()) : text
    guard let token = requireSession(in: &state), let room = requireRoom(in: &state) else { return [] }
    _ = state.input.submit()
    return send(message, to: room, token: token, in: &state)
}

func send(
    _ text: String, to room: RoomID, token: String, replyTo: MessageID? = nil, in state: inout AppState
) -> [AppEffect] {
    let message = PendingMessage(id: state.chat.nextMessageID(), room: room, text: text, replyTo: replyTo)
    return send(message, token: token, in: &state)
}

/// Shows `message` pending and puts it in the outbox, which goes at once unless messaging is off: behind
/// anything still waiting there, so that messages are stored in the order they were written.
func send(_ message: PendingMessage, token: String, in state: inout AppState) -> [AppEffect] {
    var queued = message
    queued.isQueued = true
    state.chat.pending.append(queued)
    let toNewest = jumpToNewest(in: &state)  // what was just written shows at the foot of the timeline
    if isMessagingDown(in: state) { noteQueued(in: &state) }
    return toNewest + flushOutbox(in: &state)
}

/// Runs `command`. One that needs a session gets it here, once: typed while a sign-in is being answered, it
/// waits for that sign-in (`AppState.signingIn`) and runs when the session comes.
func run(_ command: Command, in state: inout AppState) -> [AppEffect] {
    guard command.needsSession else { return runWithoutSession(command, in: &state) }
    if let token = state.chat.session?.token { return run(command, token: token, in: &state) }
    guard state.signingIn != nil else {
        _ = requireSession(in: &state)
        return []
    }
    state.signingIn?.waiting.append(command)
    state.notice = "/\(command.name) waits for the sign-in"
    return []
}

/// The commands that need no session: signing in, the app's own controls, help.
private func runWithoutSession(_ command: Command, in state: inout AppState) -> [AppEffect] {
    switch command {
    case let .register(name, password, displayName):
        state.notice = "creating \(name)…"
        state.signingIn = SignIn(waiting: state.signingIn?.waiting ?? [])
        return [.account(.register(name: name, password: password, displayName: displayName))]
    case let .login(name, password):
        state.notice = "signing in as \(name)…"
        state.signingIn = SignIn(waiting: state.signingIn?.waiting ?? [])
        return [.account(.login(name: name, password: password))]
    case .stop:
        return [.media(.stop)]
    case let .camera(list):
        return list ? listCameras(in: &state) : openCamera(in: &state)
    case let .service(action, name):
        guard state.services.contains(where: { $0.service == name }) else {
            state.notice = "no service \(name); the services are " + state.services.map(\.name).joined(separator: ", ")
            return []
        }
        state.notice = "\(name): \(action.rawValue)ing…"
        return [.control(service: name, action: action)]
    case .debug:
        state.isDebugPanelOpen.toggle()
        return []
    case let .help(topic):
        if let overlay = CommandHelp.overlay(for: topic) {
            state.chat.overlay = overlay
        } else {
            state.notice = CommandHelp.unknown(topic ?? "")
        }
        return []
    case .quit:
        state.isQuitting = true
        return [.quit]
    default:
        // The rest need a session (`needsSession`), and `run` hands them to `run(_:token:in:)` with one.
        return []
    }
}

/// The commands that act for the signed-in user, whose session token is `token`.
private func run(_ command: Command, token: String, in state: inout AppState) -> [AppEffect] {
    switch command {
    case .register, .login, .stop, .camera, .service, .debug, .help, .quit:
        return runWithoutSession(command, in: &state)
    case .logout:
        state.chat.signOut()
        state.notice = "signed out"
        return [.account(.logout(token: token))]
    case let .join(room):
        return [.messaging(.joinRoom(token: token, name: room))]
    case .part:
        guard let room = requireRoom(in: &state) else { return [] }
        return [.messaging(.leaveRoom(token: token, room: room))]
    case let .message(name, text):
        state.chat.directDrafts[name.lowercased()] = text
        return [.messaging(.openDirect(token: token, user: name))]
    case let .query(name):
        return [.messaging(.openDirect(token: token, user: name))]
    case let .nick(displayName):
        return [.account(.updateProfile(token: token, displayName: displayName, statusText: nil))]
    case let .status(text):
        return [.account(.updateProfile(token: token, displayName: nil, statusText: text))]
    case .who:
        guard let room = requireRoom(in: &state) else { return [] }
        return [.messaging(.listMembers(token: token, room: room))]
    case let .search(text):
        return [.messaging(.search(token: token, text: text, room: nil, limit: 20))]
    case let .edit(text):
        guard let mine = lastMessage(mine: true, in: &state) else { return [] }
        return [.messaging(.edit(token: token, message: mine.id, text: text))]
    case .delete:
        guard let mine = lastMessage(mine: true, in: &state) else { return [] }
        return [.messaging(.delete(token: token, message: mine.id))]
    case let .reply(text):
        guard let theirs = lastMessage(mine: false, in: &state) else { return [] }
        return send(text, to: theirs.room, token: token, replyTo: theirs.id, in: &state)
    case let .react(number, key):
        return react(number, key: key, token: token, in: &state)
    case let .unreact(number):
        return react(number, key: nil, token: token, in: &state)
    case let .attach(path):
        guard let room = requireRoom(in: &state) else { return [] }
        return attach(path, to: room, token: token, in: &state)
    case let .save(number, path):
        guard let attachment = attachment(number, in: &state) else { return [] }
        state.notice = "saving \(attachment.name)…"
        let transfer = TransferID(rawValue: state.chat.nextMessageID().rawValue + "-save")
        return [
            .attachment(
                .save(
                    token: token, attachment: attachment.id, destination: path, overwrite: false, transfer: transfer,
                    name: attachment.name))
        ]
    case let .preview(number):
        guard let attachment = attachment(number, in: &state) else { return [] }
        state.chat.mediaIntents[attachment.id] = .preview(attachment)
        return [.attachment(.locate(token: token, attachment: attachment.id))]
    case let .play(number):
        guard let attachment = attachment(number, in: &state) else { return [] }
        state.chat.mediaIntents[attachment.id] = .play(attachment)
        return [.attachment(.locate(token: token, attachment: attachment.id))]
    }
}

/// The newest message of the current room that is the user's own (or, with `mine` false, someone else's),
/// not deleted; or nil with a notice.
private func lastMessage(mine: Bool, in state: inout AppState) -> ChatMessage? {
    let me = state.chat.session?.user
    let timeline = state.chat.currentRoom.flatMap { state.chat.timelines[$0] } ?? []
    if let found = timeline.last(where: { !$0.isDeleted && ($0.sender == me) == mine }) { return found }
    state.notice = mine ? "you have no message in this room to change" : "nobody else has written in this room yet"
    return nil
}

/// Attachment `number` as shown beside it, or nil with a notice.
private func attachment(_ number: Int, in state: inout AppState) -> AttachmentReference? {
    guard number >= 1, number <= state.chat.attachments.count else {
        state.notice =
            state.chat.attachments.isEmpty
            ? "no attachment \(number): none has been shared in your rooms yet"
            : "no attachment \(number); attachments are numbered 1 to \(state.chat.attachments.count)"
        return nil
    }
    return state.chat.attachments[number - 1]
}

/// The current room, or nil with a notice saying how to enter one.
func requireRoom(in state: inout AppState) -> RoomID? {
    if let room = state.chat.currentRoom { return room }
    state.notice = "you are in no room; /join #general to start"
    return nil
}

/// The session token, or nil with a notice saying how to sign in.
func requireSession(in state: inout AppState) -> String? {
    if let token = state.chat.session?.token { return token }
    state.notice = "sign in first: /login NAME PASSWORD, or /register NAME PASSWORD to create an account"
    return nil
}
