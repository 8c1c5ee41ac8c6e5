import ParleyContracts

func handleMessagingReply(
    _ request: MessagingRequest, _ result: Result<MessagingReply, CallFailure<MessagingError>>,
    in state: inout AppState
) -> [AppEffect] {
    // A reply to a session that has since ended (signed out, another sign-in) is stale.
    guard request.token == state.chat.session?.token else { return [] }
    switch result {
    case let .success(reply):
        return handle(reply, to: request, in: &state)
    case let .failure(failure):
        return handle(failure, of: request, in: &state)
    }
}

private func handle(_ reply: MessagingReply, to request: MessagingRequest, in state: inout AppState) -> [AppEffect] {
    switch reply {
    case let .welcome(_, rooms):
        return welcome(rooms, in: &state)
    case let .room(room):
        if let index = state.chat.rooms.firstIndex(where: { $0.id == room.id }) {
            state.chat.rooms[index] = state.chat.newerView(of: room)
        } else {
            state.chat.rooms.append(room)
        }
        // A read marker's reply only refreshes the room's count: the user may have moved on since.
        if case .markRead = request { return [] }
        var effects = enter(room.id, in: &state)
        if case let .openDirect(token, user) = request,
            let draft = state.chat.directDrafts.removeValue(forKey: user.lowercased())
        {
            effects += send(draft, to: room.id, token: token, in: &state)
        }
        return effects
    case let .rooms(rooms):
        state.chat.rooms = rooms.map { state.chat.newerView(of: $0) }
        return alertsForListed(in: &state)
    case let .members(names):
        if takeCompletionMembers(names, for: request, in: &state) { return [] }
        return [.account(.presence(of: names))]
    case let .message(message):
        if case .edit = request {
            state.chat.store(withHeldReactions(message, in: state.chat))
        } else {
            state.chat.store(message)
        }
        // A confirmed send frees its room: what waited behind it goes now.
        if case .send = request { return flushOutbox(in: &state) }
        if case .edit = request { state.notice = "message edited" }
        if case let .delete(token, id) = request {
            state.notice = "message deleted"
            // A deleted message no longer keeps its files: the attachment service may collect them. The
            // tombstone carries no attachments, so release whatever the message had (nothing, for most).
            return [.attachment(.release(token: token, message: id))]
        }
    case let .batch(results):
        let sent: [OutgoingMessage]
        if case let .sendBatch(_, messages) = request { sent = messages } else { sent = [] }
        var unreachable = false
        for (index, result) in results.enumerated() {
            switch result {
            case let .success(message): state.chat.store(message)
            case let .failure(.serverUnreachable(reason)) where sent.indices.contains(index):
                // The homeserver went away: the message waits in the outbox, as after a single send, and goes
                // again when the outbox is next tried, not at once.
                requeue([sent[index].id], because: .refused(.serverUnreachable(reason)), in: &state)
                unreachable = true
            case let .failure(error) where sent.indices.contains(index):
                refuse(sent[index].id, text: sent[index].text, problem: "\(error)", in: &state)
            case .failure: break
            }
        }
        return unreachable ? [] : flushOutbox(in: &state)
    case let .history(page):
        guard case let .history(_, _, cursor, _) = request else { return [] }
        return receiveHistory(page, from: cursor, in: &state)
    case let .found(messages):
        showSearchResults(messages, for: request, in: &state)
    case .accepted:
        break
    case let .left(room):
        state.chat.rooms.removeAll { $0.id == room }
        state.chat.timelines[room] = nil
        state.notice = "you left \(room)"
        if state.chat.currentRoom == room {
            state.chat.currentRoom = nil
            return switchRoom(toIndex: 0, in: &state)
        }
    }
    return []
}

private func handle(
    _ failure: CallFailure<MessagingError>, of request: MessagingRequest, in state: inout AppState
) -> [AppEffect] {
    switch (request, failure) {
    case let (.joinRoom(token, name), .refused(.unknownRoom)):
        // Like IRC: joining a room nobody has made yet makes it.
        return [.messaging(.createRoom(token: token, name: name))]
    case let (.send(_, _, id, _, _, _), .unavailable), let (.send(_, _, id, _, _, _), .failed),
        let (.send(_, _, id, _, _, _), .refused(.serverUnreachable)):
        // Messaging is off, slow or overloaded, or its homeserver is unreachable: the message waits in the
        // outbox and goes again, same id.
        requeue([id], because: failure, in: &state)
    case let (.sendBatch(_, messages), .unavailable), let (.sendBatch(_, messages), .failed),
        let (.sendBatch(_, messages), .refused(.serverUnreachable)):
        requeue(messages.map(\.id), because: failure, in: &state)
    case let (_, .refused(.sessionRefused(server))):
        signInAgain(server: server, in: &state)
    case let (.send(_, _, id, text, _, _), .refused):
        refuse(id, text: text, problem: failure.sentence(resumes: "sending resumes"), in: &state)
        return flushOutbox(in: &state)
    case let (.sendBatch(_, messages), .refused):
        for message in messages {
            refuse(message.id, text: message.text, problem: failure.sentence(resumes: "sending resumes"), in: &state)
        }
        return flushOutbox(in: &state)
    case (.markRead, _):
        break  // bookkeeping: the next message in the room marks it read again
    case (.typing, _):
        break  // a notice that did not go lapses on the others' side: nothing to tell the user
    case let (.listMembers(_, room), _) where state.chat.completionAsked[room] != nil:
        // Tab's own look at the members: Tab completes from who it has seen, and asks again next time.
        state.chat.completionAsked[room] = nil
    case let (.history(_, room, _, _), _):
        historyFailed(for: room, in: &state)
        state.notice = failure.sentence(resumes: resumption(of: request))
    case (.search, _):
        // A page that could not be had is asked for again by the next scroll.
        if state.chat.overlay?.pageLoading == request {
            state.chat.overlay?.nextPage = request
            state.chat.overlay?.pageLoading = nil
        }
        state.notice = failure.sentence(resumes: resumption(of: request))
    case (.hello, .unavailable), (.hello, .failed):
        state.notice = failure.sentence(resumes: "your rooms return")
        return welcomeFailed(in: &state)
    default:
        state.notice = failure.sentence(resumes: resumption(of: request))
    }
    return []
}

/// A message refused for what it is: sending it again would not help. Nothing typed is lost: the text goes
/// back to the input line to mend, or stays in the input history when something else is being written.
private func refuse(_ id: MessageID, text: String, problem: String, in state: inout AppState) {
    state.chat.pending.removeAll { $0.id == id }
    if state.input.isEmpty { state.input.replace(with: text) }
    let recoverable = !state.input.isEmpty && state.input.text != text
    state.notice = "not sent: \(problem)" + (recoverable ? "; Up brings the text back" : "")
}

private func resumption(of request: MessagingRequest) -> String {
    switch request {
    case .send, .sendBatch: "sending resumes"
    case .joinRoom, .createRoom, .leaveRoom, .openDirect: "room changes resume"
    case .search: "search returns"
    case .react, .unreact: "reactions resume"
    default: "history and rooms return"
    }
}

func handleMessagingEvent(_ event: MessagingEvent, in state: inout AppState) -> [AppEffect] {
    guard let session = state.chat.session else { return [] }
    let me = session.user
    switch event {
    case let .messagePosted(message), let .messageEdited(message), let .messageDeleted(message):
        guard let index = state.chat.rooms.firstIndex(where: { $0.id == message.room }) else {
            // A room joined from another process, or a direct conversation someone just opened with us: its
            // first message rings once the listing has brought the room.
            if case .messagePosted = event, message.sender != me { noteUnlisted(message, in: &state) }
            return [.messaging(.listRooms(token: session.token))]
        }
        // A room listing taken after this message was stored has already counted it.
        let isNew = message.sequence > state.chat.rooms[index].latestSequence && !state.chat.holds(message)
        if case .messagePosted = event {
            state.chat.rooms[index].latestSequence = max(state.chat.rooms[index].latestSequence, message.sequence)
        }
        let isArrival: Bool
        if case .messagePosted = event { isArrival = isNew && message.sender != me } else { isArrival = false }
        // A listing may have counted it already (a room just opened with the user): it still rings, once, as
        // news; history sent before the sign-in never does (`alert(for:in:)`).
        var isNews = false
        if case .messagePosted = event { isNews = message.sender != me && !state.chat.holds(message) }
        let alerts = isNews ? alert(for: message, in: &state) : []
        guard state.chat.timelines[message.room] != nil else {
            if isArrival { state.chat.rooms[index].unreadCount += 1 }
            return alerts
        }
        state.chat.store(withHeldReactions(message, in: state.chat))
        if isArrival {
            state.chat.rooms[index].unreadCount += 1
            if state.chat.currentRoom == message.room { return alerts + markRead(message, in: &state) }
        }
        return alerts
    case let .memberJoined(room, user) where user == me && !state.chat.rooms.contains { $0.id == room }:
        return [.messaging(.listRooms(token: session.token))]
    case let .typing(room, users):
        typingChanged(users, in: room, state: &state)
    case let .reactionsChanged(room, message, reactions):
        reactionsChanged(reactions, of: message, in: room, state: &state)
    case let .receiptMoved(room, receipt):
        return receiptMoved(receipt, in: room, state: &state)
    case let .readMarkerMoved(room, user, _) where user == me:
        // Read in another of the user's own windows: its mentions are seen.
        state.chat.highlights[room] = nil
    case let .memberJoined(room, user), let .memberLeft(room, user):
        forgetCompletionMembers(of: room, in: &state)
        return membersChanged(in: room, by: user, state: &state)
    case .readMarkerMoved:
        break
    }
    return []
}
