import ParleyContracts

/// `/attach PATH`: the attachment service imports the file, then a message carrying it goes to `room`. With
/// the service off, the file waits in the outbox, shown pending, and goes when it is back.
func attach(_ path: String, to room: RoomID, token: String, in state: inout AppState) -> [AppEffect] {
    if isDown(.attachment, in: state) { return queueFile(path, to: room, token: token, in: &state) }
    let transfer = TransferID(rawValue: state.chat.nextMessageID().rawValue + "-file")
    state.chat.imports[transfer] = room
    state.notice = "attaching \(path)…"
    return [.attachment(.importFile(token: token, path: path, transfer: transfer))]
}

func handleAttachmentReply(
    _ request: AttachmentRequest, _ result: Result<AttachmentReply, CallFailure<AttachmentError>>,
    in state: inout AppState
) -> [AppEffect] {
    guard request.token == state.chat.session?.token, let token = state.chat.session?.token else { return [] }
    switch (request, result) {
    case let (.importFile(_, _, transfer), _) where queuedFile(of: transfer, in: state) != nil:
        return handleQueuedFile(at: queuedFile(of: transfer, in: state) ?? 0, result, token: token, in: &state)
    case let (.importFile(_, path, transfer), .failure(.unavailable)) where state.chat.imports[transfer] != nil:
        // The service went off between the command and the import: the file waits in the outbox instead.
        let room = state.chat.imports.removeValue(forKey: transfer)
        state.chat.transfers[transfer] = nil
        return room.map { queueFile(path, to: $0, token: token, in: &state) } ?? []
    case let (.importFile(_, _, transfer), .success(.imported(imported))):
        state.chat.transfers[transfer] = nil
        guard let room = state.chat.imports.removeValue(forKey: transfer) else { return [] }
        let reference = imported.reference
        let id = state.chat.nextMessageID()
        state.notice = imported.notice ?? "sending \(reference.name)"
        let message = PendingMessage(id: id, room: room, text: "", attachments: [reference])
        return [.attachment(.bind(token: token, attachment: reference.id, room: room, message: id))]
            + send(message, token: token, in: &state)
    case let (.locate(_, id), .success(.located(url))):
        if let attachment = state.chat.attachments.first(where: { $0.id == id }) {
            state.chat.locatedNames[url.path] = attachment.name
        }
        switch state.chat.mediaIntents.removeValue(forKey: id) {
        case let .preview(attachment)?:
            return [.media(previewRequest(for: attachment, at: url.path, in: state))]
        case let .play(attachment)?:
            if attachment.mediaType.hasPrefix("video/") { return [.media(playVideoRequest(at: url.path, in: state))] }
            return [.media(.play(path: url.path))]
        case nil:
            return []
        }
    case let (_, .success(.saved(path))):
        state.notice = "saved to \(path)"
    case (_, .success):
        break
    case let (.importFile(_, _, transfer), .failure(failure)):
        state.chat.imports[transfer] = nil
        state.chat.transfers[transfer] = nil
        // What was typed is not lost: the command is one Up away in the input history, like any command.
        state.notice = "not attached: " + failure.sentence(resumes: "attaching resumes")
    case let (.locate(_, id), .failure(failure)):
        state.chat.mediaIntents[id] = nil
        state.notice = failure.sentence(resumes: "attachments return")
    case let (_, .failure(failure)):
        state.notice = failure.sentence(resumes: "transfers resume")
    }
    return []
}

/// Puts a file in the outbox, to be taken in and sent once the attachment service is back.
private func queueFile(_ path: String, to room: RoomID, token: String, in state: inout AppState) -> [AppEffect] {
    let message = PendingMessage(id: state.chat.nextMessageID(), room: room, text: "", file: path)
    let effects = send(message, token: token, in: &state)
    state.notice = "attachment unavailable: \(path) waits in the outbox and goes when it is back"
    return effects
}

/// The position in the outbox of the queued file that `transfer` takes in, if it is one.
private func queuedFile(of transfer: TransferID, in state: AppState) -> Int? {
    state.chat.pending.firstIndex { $0.file != nil && fileTransfer(of: $0.id) == transfer }
}

/// A queued file taken in (its message, same id, goes next), or not: off again, it waits; refused, it leaves
/// the outbox and the command comes back to mend.
private func handleQueuedFile(
    at index: Int, _ result: Result<AttachmentReply, CallFailure<AttachmentError>>, token: String,
    in state: inout AppState
) -> [AppEffect] {
    let queued = state.chat.pending[index]
    state.chat.transfers[fileTransfer(of: queued.id)] = nil
    switch result {
    case let .success(.imported(imported)):
        state.chat.pending[index].file = nil
        state.chat.pending[index].attachments = [imported.reference]
        state.chat.pending[index].isQueued = true
        let bind = AttachmentRequest.bind(
            token: token, attachment: imported.reference.id, room: queued.room, message: queued.id)
        return [.attachment(bind)] + flushOutbox(in: &state)
    case .failure(.unavailable), .failure(.failed):
        state.chat.pending[index].isQueued = true
        state.notice =
            "attachment unavailable: \(queued.file ?? "the file") waits in the outbox and goes when it is back"
        return []
    case let .failure(failure):
        state.chat.pending.remove(at: index)
        if state.input.isEmpty, let file = queued.file { state.input.replace(with: "/attach \(file)") }
        state.notice = "not attached: " + failure.sentence(resumes: "attaching resumes")
        return flushOutbox(in: &state)
    case .success:
        return []
    }
}
func handleAttachmentEvent(_ event: AttachmentEvent, in state: inout AppState) {
    switch event {
    case let .progress(progress):
        state.chat.transfers[progress.transfer] = progress
    case let .finished(transfer, _), let .failed(transfer, _):
        state.chat.transfers[transfer] = nil
    }
}
