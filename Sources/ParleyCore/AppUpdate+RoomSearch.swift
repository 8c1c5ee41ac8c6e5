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
    guard var search = state.chat.roomSearch else { return [] }
    switch key {
    case let .character(character): search.query.insert(String(character))
    case .backspace: search.query.backspace()
    case .delete: search.query.deleteForward()
    case .left: search.query.moveLeft()
    case .right: search.query.moveRight()
    case .home, .control("a"): search.query.moveHome()
    case .end, .control("e"): search.query.moveEnd()
    case .control("w"): search.query.deleteWordBackward()
    case .control("u"): search.query.replace(with: "")
    case .escape, .control("g"):
        state.chat.roomSearch = nil
        return []
    case .enter:
        return runRoomSearch(search, in: &state)
    case .control("c"), .control("q"):
        state.isQuitting = true
        return [.quit]
    default:
        return []
    }
    state.chat.roomSearch = search
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
