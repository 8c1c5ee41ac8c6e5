import ParleyContracts

/// Tab: completes a command name after `/`, or a member's name as a mention. The names are those seen in the
/// room (who wrote, who read) and, as irssi's and WeeChat's nick lists give, every member: the room's member
/// list is asked for the first time Tab finds nothing, and the line is completed when it comes, if the user
/// has not typed on meanwhile.
func complete(in state: inout AppState) -> [AppEffect] {
    let text = state.input.text
    let result = completed(text, in: state)
    if result != text {
        state.input.replace(with: result)
        return []
    }
    guard let session = state.chat.session, let room = state.chat.currentRoom,
        state.chat.completionMembers[room] == nil, state.chat.completionAsked[room] == nil,
        let lastWord = text.split(separator: " ", omittingEmptySubsequences: false).last, !lastWord.isEmpty,
        !lastWord.hasPrefix("/")
    else { return [] }
    state.chat.completionAsked[room] = text
    return [.messaging(.listMembers(token: session.token, room: room))]
}

/// A member list came: Tab's, kept for completion (and the line completed if unchanged), or else `/who`'s.
/// - Returns: whether it was Tab's.
func takeCompletionMembers(_ names: [String], for request: MessagingRequest, in state: inout AppState) -> Bool {
    guard case let .listMembers(_, room) = request else { return false }
    state.chat.completionMembers[room] = names
    guard let asked = state.chat.completionAsked.removeValue(forKey: room) else { return false }
    if state.chat.currentRoom == room, state.input.text == asked {
        state.input.replace(with: completed(asked, in: state))
    }
    return true
}

/// Someone joined or left `room`: its member list is asked for again at the next Tab that needs it.
func forgetCompletionMembers(of room: RoomID, in state: inout AppState) {
    state.chat.completionMembers[room] = nil
}

/// `text` with its last word completed, when exactly one command or name fits; else `text` as it is.
func completed(_ text: String, in state: AppState) -> String {
    guard let lastWord = text.split(separator: " ", omittingEmptySubsequences: false).last, !lastWord.isEmpty
    else { return text }
    let prefix = text.dropLast(lastWord.count)
    let typed = lastWord.lowercased()
    let matches: [String]
    if lastWord.hasPrefix("/") && prefix.isEmpty {
        matches = CommandHelp.entries.map { "/\($0.name) " }.filter { $0.hasPrefix(typed) }
    } else {
        let server = state.chat.session?.server
        let ending = prefix.isEmpty ? ": " : " "
        matches = completionNames(in: state).compactMap { name in
            let mention = mentionForm(of: name, server: server)
            let fits = name.lowercased().hasPrefix(typed) || mention.lowercased().hasPrefix(typed)
            return fits ? mention + ending : nil
        }
    }
    return matches.count == 1 ? prefix + matches[0] : text
}

/// Everyone Tab may name in the current room, but the user: who wrote, who read, and the member list.
private func completionNames(in state: AppState) -> [String] {
    guard let room = state.chat.currentRoom else { return [] }
    var names = Set((state.chat.timelines[room] ?? []).map(\.sender))
    names.formUnion(state.chat.receipts[room]?.keys ?? [:].keys)
    names.formUnion(state.chat.completionMembers[room] ?? [])
    names.remove(state.chat.session?.user ?? "")
    return names.sorted()
}

/// How a message names `user` so that their client highlights it: `@name`, or on Matrix the whole user id
/// (a user of another server is already shown by theirs).
func mentionForm(of user: String, server: String?) -> String {
    if user.hasPrefix("@") { return user }
    return "@" + user + (server.map { ":" + $0 } ?? "")
}
