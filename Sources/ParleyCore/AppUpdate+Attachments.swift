import ParleyContracts

/// `/attach PATH`: the attachment service imports the file, then a message carrying it goes to `room`.
func attach(_ path: String, to room: RoomID, token: String, in state: inout AppState) -> [AppEffect] {
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
        switch state.chat.mediaIntents.removeValue(forKey: id) {
        case let .preview(attachment)?:
            return [.media(previewRequest(for: attachment, at: url.path, in: state))]
        case .play?:
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

func handleAttachmentEvent(_ event: AttachmentEvent, in state: inout AppState) {
    switch event {
    case let .progress(progress):
        state.chat.transfers[progress.transfer] = progress
    case let .finished(transfer, _), let .failed(transfer, _):
        state.chat.transfers[transfer] = nil
    }
}
