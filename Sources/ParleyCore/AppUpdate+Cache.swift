import ParleyContracts

/// Messaging down at sign-in (issue 9, defect 9): the rooms kept from last time are shown, the user lands in
/// the room they were in, reads it and writes to the outbox; when messaging is back, the welcome is asked
/// for again and the view refreshed.

/// The welcome could not be had: the rooms of last time are read back meanwhile.
func welcomeFailed(in state: inout AppState) -> [AppEffect] {
    state.chat.awaitsWelcome = true
    guard let user = state.chat.session?.user, state.chat.rooms.isEmpty else { return [] }
    return [.loadCache(user: user)]
}

/// Messaging is running again: a welcome that failed is asked for again.
func welcomeAgainIfDue(in state: inout AppState) -> [AppEffect] {
    guard state.chat.awaitsWelcome, let token = state.chat.session?.token else { return [] }
    state.chat.awaitsWelcome = false
    return [.messaging(.hello(token: token))]
}

func handleCacheLoaded(_ view: CachedView?, user: String, in state: inout AppState) -> [AppEffect] {
    // Kept only while nothing fresher is known: the welcome may have come meanwhile.
    guard state.chat.session?.user == user, state.chat.rooms.isEmpty, let view, !view.rooms.isEmpty else {
        return []
    }
    state.chat.rooms = view.rooms
    state.chat.timelines = view.timelines
    state.chat.currentRoom =
        view.currentRoom.flatMap { current in view.rooms.first { $0.id == current }?.id }
        ?? view.rooms.first?.id
    state.chat.isCachedView = true
    state.notice = "messaging unavailable: your rooms as they were; what you send waits in the outbox"
    return []
}

/// The welcome's rooms replace what was shown. After a view from the cache, the user stays in their room,
/// whose history is asked for again (it merges by id); other rooms' kept timelines are dropped, to be
/// loaded afresh when entered.
func welcome(_ rooms: [Room], in state: inout AppState) -> [AppEffect] {
    let fromCache = state.chat.isCachedView
    state.chat.isCachedView = false
    state.chat.awaitsWelcome = false
    state.chat.rooms = rooms
    let current = fromCache ? rooms.first { $0.id == state.chat.currentRoom } : nil
    guard let current, let token = state.chat.session?.token else {
        if fromCache { state.chat.timelines = [:] }
        let first = rooms.first { $0.name == "#general" } ?? rooms.first
        return first.map { enter($0.id, in: &state) } ?? []
    }
    state.chat.timelines = state.chat.timelines.filter { $0.key == current.id }
    return [.messaging(.history(token: token, room: current.id, from: .newest, limit: 100))]
}
