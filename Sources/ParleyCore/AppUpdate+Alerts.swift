import ParleyContracts

/// A message from someone else, just arrived: one that names the user counts as a highlight in its room unless
/// the user is reading that room, and it, or a direct message, rings the user's attention when they are looking
/// elsewhere. Only live messages come here: history and room listings never ring.
func alert(for message: ChatMessage, in state: inout AppState) -> [AppEffect] {
    guard let session = state.chat.session, !message.isDeleted, message.notice == nil,
        let room = state.chat.rooms.first(where: { $0.id == message.room })
    else { return [] }
    // Sent before the user signed in: history that a first sync or a catch-up brings, not news.
    if let since = state.chat.alertsSince, message.sentAt < since { return [] }
    let isLookingAt = state.chat.currentRoom == message.room && !state.isDebugPanelOpen
    let names = MentionMatcher(user: session.user, displayName: session.displayName)
    let isMention = names.matches(message.text)
    if isMention && state.chat.currentRoom != message.room { state.chat.highlights[message.room, default: 0] += 1 }
    guard !isLookingAt else { return [] }
    let reason: Alert.Reason
    if isMention {
        reason = .mention
    } else if room.kind == .direct {
        reason = .directMessage
    } else {
        return []
    }
    let text = message.text.isEmpty ? message.attachments.map { "📎 " + $0.name }.joined(separator: ", ") : message.text
    return [.alert(Alert(reason: reason, room: room.id, roomName: room.name, sender: message.sender, text: text))]
}

/// Keeps a message that arrived for a room not listed yet (a direct conversation just opened with the user),
/// to be rung once the listing brings the room; the newest few only.
func noteUnlisted(_ message: ChatMessage, in state: inout AppState) {
    state.chat.unlistedArrivals.append(message)
    if state.chat.unlistedArrivals.count > 16 { state.chat.unlistedArrivals.removeFirst() }
}

/// The alerts for messages kept by `noteUnlisted` whose rooms the listing has now brought.
func alertsForListed(in state: inout AppState) -> [AppEffect] {
    let listed = Set(state.chat.rooms.map(\.id))
    let arrived = state.chat.unlistedArrivals.filter { listed.contains($0.room) }
    state.chat.unlistedArrivals.removeAll { listed.contains($0.room) }
    return arrived.flatMap { alert(for: $0, in: &state) }
}
