import ParleyContracts

/// `/react [N] EMOJI` and `/unreact [N]`: N is the number shown beside the room's recent messages while
/// either command is being typed (1 is the newest); without N, the newest message.
func react(_ number: Int?, key: String?, token: String, in state: inout AppState) -> [AppEffect] {
    guard let room = requireRoom(in: &state), let target = reactionTarget(number, in: room, state: &state) else {
        return []
    }
    guard let key else { return [.messaging(.unreact(token: token, message: target.id))] }
    return [.messaging(.react(token: token, message: target.id, key: key))]
}

/// The message numbered `number` among the room's recent ones, or nil with a notice saying which there are.
private func reactionTarget(_ number: Int?, in room: RoomID, state: inout AppState) -> ChatMessage? {
    let recent = state.chat.recentMessages(in: room)
    let number = number ?? 1
    guard recent.indices.contains(number - 1) else {
        state.notice =
            recent.isEmpty
            ? "there is no message in this room to react to yet"
            : "no message \(number); the recent messages are numbered 1 (the newest) to \(recent.count)"
        return nil
    }
    return recent[number - 1]
}

/// A message's reactions changed (someone gave or took back a key): the timeline holding it shows the new ones.
func reactionsChanged(_ reactions: [Reaction], of id: MessageID, in room: RoomID, state: inout AppState) {
    guard var timeline = state.chat.timelines.removeValue(forKey: room) else { return }
    defer { state.chat.timelines[room] = timeline }
    // Reactions are given to recent messages: look from the newest back.
    if let index = timeline.lastIndex(where: { $0.id == id }) { timeline[index].reactions = reactions }
}

/// `message` as it should be held: an edit comes from some stores without the reactions the message has, and
/// keeps those already held; a deletion takes them away with the rest.
func withHeldReactions(_ message: ChatMessage, in chat: ChatState) -> ChatMessage {
    guard message.reactions.isEmpty, !message.isDeleted, message.editedAt != nil,
        let held = chat.timelines[message.room]?.last(where: { $0.id == message.id }), !held.reactions.isEmpty
    else { return message }
    var message = message
    message.reactions = held.reactions
    return message
}

extension ChatState {
    /// How many of a room's newest messages are numbered for `/react N`.
    public static let reactableCount = 9

    /// The room's newest messages that can take a reaction (sent and not deleted), newest first: `/react N`
    /// takes the Nth.
    public func recentMessages(in room: RoomID) -> [ChatMessage] {
        Array(
            (timelines[room] ?? []).reversed().lazy.filter { !$0.isDeleted && $0.notice == nil }
                .prefix(Self.reactableCount))
    }
}

extension AppState {
    /// Whether the input line holds `/react` or `/unreact` being typed: the timeline numbers recent messages.
    public var isChoosingReactionTarget: Bool {
        let text = input.text
        guard text.hasPrefix("/") else { return false }
        let name = text.dropFirst().prefix { $0 != " " }.lowercased()
        return name == "react" || name == "unreact"
    }
}
