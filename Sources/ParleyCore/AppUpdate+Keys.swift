import ParleyContracts

/// Keys while chatting: editing the input line, Enter to send or run a command, switching and scrolling rooms.
func handleChat(_ key: Key, in state: inout AppState) -> [AppEffect] {
    if state.chat.roomSearch != nil { return handleRoomSearch(key, in: &state) }
    if state.camera.isOpen, let effects = handleCameraKey(key, in: &state) { return effects }
    if let effects = pauseVideoKey(key, in: state) { return effects }
    if state.input.edit(with: key) { return [] }
    switch key {
    case .altEnter: state.input.insert("\n")
    case .up: state.input.historyBack()
    case .down: state.input.historyForward()
    case .tab: state.input.replace(with: completed(state.input.text, in: state))
    case .enter: return submitInput(in: &state)
    case .function(12):
        state.isDebugPanelOpen = true
    case .escape:
        state.chat.overlay = nil
    case .control("r"): return startRoomSearch(in: &state)
    case .control("n"): return switchRoom(by: 1, in: &state)
    case .control("p"): return switchRoom(by: -1, in: &state)
    case let .alt(digit) where digit.isNumber:
        guard let number = digit.wholeNumberValue, number >= 1 else { return [] }
        return switchRoom(toIndex: number - 1, in: &state)
    case .pageUp: state.chat.scrollBack += max(1, state.height / 2)
    case .pageDown: state.chat.scrollBack = max(0, state.chat.scrollBack - max(1, state.height / 2))
    case .control("c"), .control("q"):
        state.isQuitting = true
        return [.quit]
    default: break
    }
    return []
}

/// The wheel scrolls the timeline; a click on the room list picks a room.
func handleMouse(_ event: MouseEvent, in state: inout AppState) -> [AppEffect] {
    guard !state.isDebugPanelOpen else { return [] }
    switch event {
    case .wheelUp: state.chat.scrollBack += 3
    case .wheelDown: state.chat.scrollBack = max(0, state.chat.scrollBack - 3)
    case let .click(x, y):
        // The room list is the left column, one room per row from the second row (ChatLayout).
        guard x < ChatLayout.roomListWidth, y >= 1 else { return [] }
        return switchRoom(toIndex: y - 1, in: &state)
    }
    return []
}

/// Tab: completes a command name after `/`, or the name of a member seen in the current room.
func completed(_ text: String, in state: AppState) -> String {
    guard let lastWord = text.split(separator: " ", omittingEmptySubsequences: false).last, !lastWord.isEmpty
    else { return text }
    let prefix = text.dropLast(lastWord.count)
    let candidates: [String]
    if lastWord.hasPrefix("/") && prefix.isEmpty {
        candidates = CommandHelp.entries.map { "/\($0.name) " }
    } else {
        let room = state.chat.currentRoom.flatMap { state.chat.timelines[$0] } ?? []
        candidates = Array(Set(room.map(\.sender))).sorted().map { prefix.isEmpty ? "\($0): " : "\($0) " }
    }
    let matches = candidates.filter { $0.lowercased().hasPrefix(lastWord.lowercased()) }
    return matches.count == 1 ? prefix + matches[0] : text
}

func switchRoom(by step: Int, in state: inout AppState) -> [AppEffect] {
    let rooms = state.chat.rooms
    guard !rooms.isEmpty else { return [] }
    let current = rooms.firstIndex { $0.id == state.chat.currentRoom } ?? 0
    return switchRoom(toIndex: (current + step + rooms.count) % rooms.count, in: &state)
}

func switchRoom(toIndex index: Int, in state: inout AppState) -> [AppEffect] {
    guard state.chat.rooms.indices.contains(index) else { return [] }
    return enter(state.chat.rooms[index].id, in: &state)
}

/// Makes `room` the current room: loads its history the first time, and marks it read.
func enter(_ room: RoomID, in state: inout AppState) -> [AppEffect] {
    state.chat.currentRoom = room
    state.chat.scrollBack = 0
    guard let token = state.chat.session?.token else { return [] }
    if state.chat.timelines[room] == nil {
        return [.messaging(.history(token: token, room: room, from: .newest, limit: 100))]
    }
    return markRead(room, in: &state)
}

/// Marks the newest message of `room` read, if it has unread ones.
func markRead(_ room: RoomID, in state: inout AppState) -> [AppEffect] {
    guard let token = state.chat.session?.token, let index = state.chat.rooms.firstIndex(where: { $0.id == room }),
        state.chat.rooms[index].unreadCount > 0, let newest = state.chat.timelines[room]?.last
    else { return [] }
    state.chat.rooms[index].unreadCount = 0
    return [.messaging(.markRead(token: token, room: room, upTo: newest.id))]
}
