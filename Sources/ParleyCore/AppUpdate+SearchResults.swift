import ParleyContracts

/// The most results one search may ask for (the messaging service's limit).
let searchResultLimit = 500

/// Search results, newest first, in an overlay that PgUp/PgDn scroll. When the reply fills the limit asked,
/// there may be more: scrolling near the end asks again for more, up to `searchResultLimit`.
func showSearchResults(_ messages: [ChatMessage], for request: MessagingRequest, in state: inout AppState) {
    guard case let .search(token, text, room, limit) = request else { return }
    let names = Dictionary(state.chat.rooms.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
    let scope = room.map { " in \(names[$0] ?? $0.rawValue)" } ?? ""
    // Each with its room (unless all are in one), so that a hit in another room is easy to find.
    let lines = messages.sorted { $0.sentAt > $1.sentAt }.map { message in
        (room == nil ? "\(names[message.room] ?? message.room.rawValue)  " : "")
            + "\(message.sender): " + message.text.replacingOccurrences(of: "\n", with: " ")
    }
    let mayHaveMore = messages.count >= limit && limit < searchResultLimit
    let count = mayHaveMore ? "the newest \(messages.count)" : "\(messages.count)"
    // The overlay shows its title and the lines that fit under it in the timeline's rows.
    let rows = state.height - 1 - ChatLayout.footerHeight - 1
    let keys = lines.count > rows || mayHaveMore ? "PgUp/PgDn scroll, Esc closes" : "Esc closes"
    // More results for the same search keep the overlay where it was scrolled.
    let scroll = state.chat.loadingMoreResults == request ? state.chat.overlay?.scroll ?? 0 : 0
    state.chat.overlay = Overlay(
        title: "\(count) found\(scope) for “\(text)” (\(keys))",
        lines: lines.isEmpty ? ["no message matches"] : lines)
    state.chat.overlay?.scroll = min(scroll, max(0, lines.count - 1))
    state.chat.loadingMoreResults = nil
    state.chat.moreResults =
        mayHaveMore
        ? .search(token: token, text: text, room: room, limit: min(searchResultLimit, limit + 100)) : nil
}

/// PgUp/PgDn over an overlay: its lines scroll, and near the end of search results more are asked for.
func scrollOverlay(by lines: Int, in state: inout AppState) -> [AppEffect] {
    guard var overlay = state.chat.overlay else { return [] }
    overlay.scroll = min(max(0, overlay.scroll - lines), max(0, overlay.lines.count - 1))
    state.chat.overlay = overlay
    guard lines < 0, overlay.scroll + 2 * max(1, state.height) >= overlay.lines.count,
        let more = state.chat.moreResults, state.chat.loadingMoreResults == nil
    else { return [] }
    state.chat.loadingMoreResults = more
    state.chat.moreResults = nil
    return [.messaging(more)]
}
