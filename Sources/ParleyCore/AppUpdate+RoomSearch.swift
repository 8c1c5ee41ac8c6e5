import ParleyContracts

/// Ctrl-R: a search of the current room's history, typed on the input row (as in WeeChat). The message being
/// written stays in the input line meanwhile, untouched; Enter shows what matches, Esc leaves the search.
func startRoomSearch(in state: inout AppState) -> [AppEffect] {
    guard requireSession(in: &state) != nil, let room = requireRoom(in: &state) else { return [] }
    state.chat.roomSearch = RoomSearch(room: room)
    return []
}

/// Keys while the search prompt is open: they edit the query; Enter runs it, Esc closes the prompt.
func handleRoomSearch(_ key: Key, in state: inout AppState) -> [AppEffect] {
    guard let search = state.chat.roomSearch else { return [] }
    if state.chat.roomSearch?.query.edit(with: key) == true { return [] }
    switch key {
    case .escape, .control("g"):
        state.chat.roomSearch = nil
    case .enter:
        return runRoomSearch(search, in: &state)
    case .control("c"), .control("q"):
        state.isQuitting = true
        return [.quit]
    default:
        break
    }
    return []
}

private func runRoomSearch(_ search: RoomSearch, in state: inout AppState) -> [AppEffect] {
    let text = search.query.text.trimmingCharacters(in: .whitespacesAndNewlines)
    guard !text.isEmpty else {
        state.notice = "type the words to look for in this room, or Esc to go back"
        return []
    }
    guard let token = requireSession(in: &state) else { return [] }
    state.chat.roomSearch = nil
    return [.messaging(.search(token: token, text: text, room: search.room, limit: 50))]
}

/// The Ctrl-R prompt: which room it searches, and the query typed so far.
public struct RoomSearch: Equatable, Sendable {
    public let room: RoomID
    public var query: InputLine

    public init(room: RoomID, query: InputLine = InputLine()) {
        self.room = room
        self.query = query
    }
}
