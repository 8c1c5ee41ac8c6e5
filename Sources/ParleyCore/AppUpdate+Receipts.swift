import ParleyContracts

/// Read receipts: how far each member has read each room. They come with every page of history and with each
/// receipt event, and only ever move forward. The user's own go out with their read marker (`markRead`), never
/// with a request of their own, unless `conversations.send_receipts` is off.
extension ChatState {
    /// The receipts of `room` of everyone but the user, by name.
    public func othersReceipts(in room: RoomID) -> [String: ReadReceipt] {
        var receipts = receipts[room] ?? [:]
        if let me = session?.user { receipts[me] = nil }
        return receipts
    }

    /// Takes in receipts from the service: each member's moves forward only.
    mutating func noteReceipts(_ newer: [ReadReceipt], in room: RoomID) {
        guard !newer.isEmpty else { return }
        receipts[room] = ReadReceipt.merged(receipts[room] ?? [:], with: newer)
    }
}

/// A member read further in `room`: the user's messages there show it. The first receipt of someone the app
/// knew no receipt of may come from a member the room's count does not hold yet (a homeserver's sync can bring
/// a join without saying so), so the listing is asked for again, as after a join.
func receiptMoved(_ receipt: ReadReceipt, in room: RoomID, state: inout AppState) -> [AppEffect] {
    let isNewReader = state.chat.receipts[room]?[receipt.user] == nil
    state.chat.noteReceipts([receipt], in: room)
    return isNewReader ? membersChanged(in: room, by: receipt.user, state: &state) : []
}

/// Someone else joined or left one of the user's rooms: the listing is asked for again, since `✓✓` means read
/// by every other member and so needs the room's member count as the service has it now.
func membersChanged(in room: RoomID, by user: String, state: inout AppState) -> [AppEffect] {
    guard let session = state.chat.session, user != session.user, state.chat.rooms.contains(where: { $0.id == room })
    else { return [] }
    return [.messaging(.listRooms(token: session.token))]
}

/// What `/who` says of one member: the message they have read up to, quoted short, or that they have read
/// nothing yet (or sent no receipts). Writing a message counts as having read up to it, as homeservers count
/// it too: a member whose own message is newer than their receipt has read that far.
func lastRead(by user: String, in room: RoomID, chat: ChatState) -> String {
    let timeline = chat.timelines[room] ?? []
    let receipt = chat.receipts[room]?[user]
    if let written = timeline.last(where: { $0.sender == user && $0.notice == nil }),
        written.sequence > receipt?.sequence ?? .min
    {
        return written.isDeleted ? "read up to a deleted message" : "read “\(quote(written.text))”"
    }
    guard let receipt else { return "read nothing yet" }
    guard let message = timeline.last(where: { $0.id == receipt.message }) else {
        return "read up to an earlier message"
    }
    if message.isDeleted { return "read up to a deleted message" }
    return "read “\(quote(message.text))”"
}

/// The first words of `text` on one line: at most `quoteLength` characters, with `…` when cut.
private func quote(_ text: String) -> String {
    let line = text.split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
    if line.count > quoteLength { return String(line.prefix(quoteLength)) + "…" }
    return line.count < text.count ? line + "…" : line
}

/// How much of a message `/who` quotes.
private let quoteLength = 24
