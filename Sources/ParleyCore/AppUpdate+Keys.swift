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
    case .tab: return complete(in: &state)
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
    case .pageUp: return page(by: max(1, state.height / 2), in: &state)
    case .pageDown: return page(by: -max(1, state.height / 2), in: &state)
    case .altHome: return jumpToOldest(in: &state)
    case .altEnd: return jumpToNewest(in: &state)
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
    case .wheelUp: return page(by: 3, in: &state)
    case .wheelDown: return page(by: -3, in: &state)
    case let .click(x, y):
        // The room list is the left column, one room per row from the second row (ChatLayout).
        guard x < ChatLayout.roomListWidth, y >= 1 else { return [] }
        return switchRoom(toIndex: y - 1, in: &state)
    }
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

/// Makes `room` the current room, at its newest message: loads its history the first time (or again, when
/// the user left it reading its oldest messages), and marks it read.
func enter(_ room: RoomID, in state: inout AppState) -> [AppEffect] {
    // The room being left keeps no marker held back: it is read up to where the user left it.
    let released = releaseReadMarks(in: &state)
    state.chat.currentRoom = room
    state.chat.highlights[room] = nil
    state.chat.scrollBack = 0
    state.chat.scrollFromTop = nil
    guard let token = state.chat.session?.token else { return released }
    if state.chat.timelines[room] == nil { state.chat.windows[room] = TimelineWindow() }
    if state.chat.timelines[room] == nil || state.chat.windows[room]?.hasNewer == true {
        state.chat.windows[room, default: TimelineWindow()].loading = .newest
        return released + [.messaging(.history(token: token, room: room, from: .newest, limit: historyPageSize))]
    }
    state.chat.trimToNewest(room)
    return released + markRead(room, in: &state)
}

/// PgUp/PgDn and the wheel: an open overlay (search results) scrolls, else the timeline does.
private func page(by lines: Int, in state: inout AppState) -> [AppEffect] {
    guard state.chat.overlay != nil else { return scrollTimeline(by: lines, in: &state) }
    return scrollOverlay(by: lines, in: &state)
}
