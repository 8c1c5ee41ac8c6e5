import ParleyContracts

/// Typing notices both ways. While the user writes a message (not a command) in a room, the others there are
/// told once; it stands while they keep typing (said again now and then, since notices lapse) and is taken
/// back when the message is sent, the line is emptied, the user moves to another room, or a tick of the clock
/// passes with nothing typed. Others' notices are shown until they take them back or a few ticks pass without
/// news, so a client that vanished is not shown typing for ever.
public struct TypingState: Equatable, Sendable {
    /// The room the user's own notice stands in, if one does.
    var announcedIn: RoomID?
    /// Whether the message line changed since the last tick.
    var typedSinceTick = false
    /// Ticks since the user's notice was last said: it is said again before it lapses.
    var ticksSinceAnnounced = 0
    /// Others typing, by room: each name with the ticks left before it lapses unless told again.
    var others: [RoomID: [String: Int]] = [:]

    /// Ticks (5 s each) a notice is said again after, while the user keeps typing: within `typingTimeout`.
    public static let ticksBetweenAnnouncements = 4
    /// Ticks another user's notice is shown without news: as long as a notice lasts.
    public static let ticksShown = 6
}

extension ChatState {
    /// Who else is typing in `room`, by name, in order.
    public func typists(in room: RoomID) -> [String] {
        (typing.others[room] ?? [:]).keys.sorted()
    }
}

/// After a key or a paste: says the user is typing in the current room, or no longer, as the line now reads.
func announceTyping(inputBefore: String, in state: inout AppState) -> [AppEffect] {
    // Typing is of the moment: with messaging off it is not queued, only left unsaid.
    guard state.sendsTypingNotices, !isMessagingDown(in: state), let token = state.chat.session?.token else {
        return []
    }
    let text = state.input.text
    if text != inputBefore { state.chat.typing.typedSinceTick = true }
    let isMessage = !text.isEmpty && (!text.hasPrefix("/") || text.hasPrefix("//"))
    let wanted = isMessage && state.chat.roomSearch == nil ? state.chat.currentRoom : nil
    guard wanted != state.chat.typing.announcedIn else { return [] }
    var effects: [AppEffect] = []
    if let old = state.chat.typing.announcedIn {
        effects.append(.messaging(.typing(token: token, room: old, isTyping: false)))
    }
    if let wanted { effects.append(.messaging(.typing(token: token, room: wanted, isTyping: true))) }
    state.chat.typing.announcedIn = wanted
    state.chat.typing.ticksSinceAnnounced = 0
    return effects
}

/// On the clock: the user's notice is taken back after a tick with nothing typed, said again before it lapses
/// while typing goes on; others' notices without news run down.
func typingTick(in state: inout AppState) -> [AppEffect] {
    for (room, names) in state.chat.typing.others {
        let left = names.compactMapValues { $0 > 1 ? $0 - 1 : nil }
        state.chat.typing.others[room] = left.isEmpty ? nil : left
    }
    guard let room = state.chat.typing.announcedIn, let token = state.chat.session?.token else { return [] }
    defer { state.chat.typing.typedSinceTick = false }
    guard state.chat.typing.typedSinceTick else {
        state.chat.typing.announcedIn = nil
        return [.messaging(.typing(token: token, room: room, isTyping: false))]
    }
    state.chat.typing.ticksSinceAnnounced += 1
    guard state.chat.typing.ticksSinceAnnounced >= TypingState.ticksBetweenAnnouncements else { return [] }
    state.chat.typing.ticksSinceAnnounced = 0
    return [.messaging(.typing(token: token, room: room, isTyping: true))]
}

/// Who is typing in `room` now, as the messaging service says: everyone but the user.
func typingChanged(_ users: [String], in room: RoomID, state: inout AppState) {
    let me = state.chat.session?.user
    let others = users.filter { $0 != me }
    state.chat.typing.others[room] =
        others.isEmpty ? nil : Dictionary(others.map { ($0, TypingState.ticksShown) }, uniquingKeysWith: max)
}
