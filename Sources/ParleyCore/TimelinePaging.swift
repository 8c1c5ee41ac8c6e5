import ParleyContracts

/// What of a room's history the timeline holds: a window of consecutive messages, paged in from the store as
/// the user scrolls past either end of it, so that memory does not grow with the room.
public struct TimelineWindow: Equatable, Sendable {
    /// The room has messages older than the window's first.
    public var hasOlder = true
    /// The room has messages newer than the window's last (after a jump to the oldest message).
    public var hasNewer = false
    /// The page asked for and not yet here: one at a time, so a held PgUp asks once.
    var loading: HistoryCursor?

    public init(hasOlder: Bool = true, hasNewer: Bool = false) {
        self.hasOlder = hasOlder
        self.hasNewer = hasNewer
    }
}

/// How many messages a page of history asks for: several screens, so that scrolling never waits.
let historyPageSize = 100

// MARK: - Keys

/// PgUp, PgDn and the wheel: scroll by `lines`, up when positive, paging in older or newer messages when the
/// screen comes within two screens of an end of the window. Every message takes at least one line, so a
/// window of N messages has at least N lines: the page is asked for early, never late.
func scrollTimeline(by lines: Int, in state: inout AppState) -> [AppEffect] {
    guard let room = state.chat.currentRoom else { return [] }
    let loaded = state.chat.timelines[room]?.count ?? 0
    let margin = 2 * max(1, state.height)
    if let fromTop = state.chat.scrollFromTop {
        state.chat.scrollFromTop = max(0, fromTop - lines)
        let window = state.chat.windows[room] ?? TimelineWindow()
        guard lines < 0, window.hasNewer, fromTop - lines + margin >= loaded,
            let last = state.chat.timelines[room]?.last
        else { return [] }
        return requestHistory(of: room, from: .after(last.id), in: &state)
    }
    state.chat.scrollBack = max(0, state.chat.scrollBack + lines)
    if state.chat.scrollBack == 0 {
        state.chat.trimToNewest(room)
        return []
    }
    let window = state.chat.windows[room] ?? TimelineWindow()
    guard lines > 0, window.hasOlder, state.chat.scrollBack + margin >= loaded,
        let first = state.chat.timelines[room]?.first
    else { return [] }
    return requestHistory(of: room, from: .before(first.id), in: &state)
}

/// Alt-Home: the room's first message at the top of the screen.
func jumpToOldest(in state: inout AppState) -> [AppEffect] {
    guard let room = state.chat.currentRoom else { return [] }
    if state.chat.windows[room]?.hasOlder == false {
        state.chat.scrollFromTop = 0
        return []
    }
    return requestHistory(of: room, from: .oldest, in: &state)
}

/// Alt-End: the room's newest message at the foot of the screen.
func jumpToNewest(in state: inout AppState) -> [AppEffect] {
    guard let room = state.chat.currentRoom else { return [] }
    if state.chat.windows[room]?.hasNewer == true { return requestHistory(of: room, from: .newest, in: &state) }
    state.chat.scrollFromTop = nil
    state.chat.scrollBack = 0
    state.chat.trimToNewest(room)
    return []
}

private func requestHistory(of room: RoomID, from cursor: HistoryCursor, in state: inout AppState) -> [AppEffect] {
    guard let token = state.chat.session?.token, state.chat.windows[room]?.loading == nil else { return [] }
    state.chat.windows[room, default: TimelineWindow()].loading = cursor
    return [.messaging(.history(token: token, room: room, from: cursor, limit: historyPageSize))]
}

// MARK: - Pages

/// A page of history is in: it joins the window at the end it was asked for, or replaces the window after a
/// jump. Scrolling counts lines from the end the user reads from, so a page added at the other end moves
/// nothing on screen.
func receiveHistory(_ page: HistoryPage, from cursor: HistoryCursor, in state: inout AppState) -> [AppEffect] {
    let room = page.room
    state.chat.noteReceipts(page.receipts, in: room)
    var window = state.chat.windows[room] ?? TimelineWindow()
    window.loading = nil
    let isCurrent = state.chat.currentRoom == room
    switch cursor {
    case .newest:
        // A jump back to the newest replaces the window; a first load keeps what events brought meanwhile.
        if window.hasNewer {
            state.chat.timelines[room] = []
            state.chat.windows[room]?.hasNewer = false  // or `store` would leave the page out
        }
        state.chat.timelines[room, default: []] += []
        for message in page.messages { state.chat.store(message) }
        window.hasOlder = page.hasOlder
        window.hasNewer = false
        if isCurrent && state.chat.scrollFromTop != nil { (state.chat.scrollFromTop, state.chat.scrollBack) = (nil, 0) }
    case .oldest:
        state.chat.timelines[room] = page.messages
        window.hasOlder = false
        window.hasNewer = page.hasNewer
        if isCurrent { (state.chat.scrollFromTop, state.chat.scrollBack) = (0, 0) }
    case .before:
        let first = state.chat.timelines[room]?.first?.sequence ?? .max
        state.chat.timelines[room, default: []].insert(contentsOf: page.messages.filter { $0.sequence < first }, at: 0)
        window.hasOlder = page.hasOlder
    case .after:
        let last = state.chat.timelines[room]?.last?.sequence ?? .min
        state.chat.timelines[room, default: []] += page.messages.filter { $0.sequence > last }
        window.hasNewer = page.hasNewer
    }
    for message in page.messages { state.chat.noteAttachments(of: message) }
    state.chat.windows[room] = window
    // The read marker moves only when the newest messages are what the window holds.
    return window.hasNewer ? [] : markRead(room, in: &state)
}

/// A page that could not be had: the next scroll asks again.
func historyFailed(for room: RoomID, in state: inout AppState) {
    state.chat.windows[room]?.loading = nil
}
