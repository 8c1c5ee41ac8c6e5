import ParleyContracts

/// How many more results scrolling near the end of search results asks for at a time.
let searchPageSize = 100

/// Search results, newest first, in an overlay that PgUp/PgDn scroll. When a page fills the limit asked, there
/// may be more: scrolling near the end asks for the page of matches older than the last one shown, and so on
/// to the last match, as PgUp pages history from the store.
func showSearchResults(_ messages: [ChatMessage], for request: MessagingRequest, in state: inout AppState) {
    guard case let .search(token, text, room, limit, before) = request else { return }
    let isNextPage = before != nil
    // A further page counts only for the results still shown: Esc or another overlay may have come since.
    guard !isNextPage || state.chat.overlay?.pageLoading == request else { return }
    let names = Dictionary(state.chat.rooms.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
    let scope = room.map { " in \(names[$0] ?? $0.rawValue)" } ?? ""
    // Each with its room (unless all are in one), so that a hit in another room is easy to find.
    let page = messages.sorted { $0.sentAt > $1.sentAt }.map { message in
        (room == nil ? "\(names[message.room] ?? message.room.rawValue)  " : "")
            + "\(message.sender): " + message.text.replacingOccurrences(of: "\n", with: " ")
    }
    let lines = (isNextPage ? state.chat.overlay?.lines ?? [] : []) + page
    let mayHaveMore = messages.count >= limit
    let count = mayHaveMore ? "the newest \(lines.count)" : "\(lines.count)"
    // The overlay shows its title and the lines that fit under it in the timeline's rows.
    let rows = state.height - 1 - ChatLayout.footerHeight - 1
    let keys = lines.count > rows || mayHaveMore ? "PgUp/PgDn scroll, Esc closes" : "Esc closes"
    // A further page keeps the overlay where it was scrolled.
    let scroll = isNextPage ? state.chat.overlay?.scroll ?? 0 : 0
    state.chat.overlay = Overlay(
        title: "\(count) found\(scope) for “\(text)” (\(keys))",
        lines: lines.isEmpty ? ["no message matches"] : lines)
    state.chat.overlay?.scroll = min(scroll, max(0, lines.count - 1))
    // The service's order is the paging order: the next page starts after the last message it sent.
    state.chat.overlay?.nextPage =
        mayHaveMore
        ? messages.last.map {
            .search(token: token, text: text, room: room, limit: searchPageSize, before: $0.id)
        } : nil
}

/// PgUp/PgDn over an overlay: its lines scroll, and near the end of search results more are asked for.
func scrollOverlay(by lines: Int, in state: inout AppState) -> [AppEffect] {
    guard var overlay = state.chat.overlay else { return [] }
    overlay.scroll = min(max(0, overlay.scroll - lines), max(0, overlay.lines.count - 1))
    state.chat.overlay = overlay
    guard lines < 0, overlay.scroll + 2 * max(1, state.height) >= overlay.lines.count,
        let more = overlay.nextPage, overlay.pageLoading == nil
    else { return [] }
    state.chat.overlay?.pageLoading = more
    state.chat.overlay?.nextPage = nil
    return [.messaging(more)]
}
