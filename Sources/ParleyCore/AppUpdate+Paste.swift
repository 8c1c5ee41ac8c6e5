import ParleyContracts

/// A paste, as the terminal's bracketed paste delivers it: one event, never keys, so a line end in it sends
/// nothing. In the message line it is one message however many lines it holds (Enter sends it whole); the
/// Ctrl-R query takes it as one line; the debug panel ignores it.
func handlePaste(_ text: String, in state: inout AppState) -> [AppEffect] {
    guard !state.isDebugPanelOpen else { return [] }
    if state.chat.roomSearch != nil {
        state.chat.roomSearch?.query.insert(text.replacingOccurrences(of: "\n", with: " "))
        return []
    }
    state.input.insert(text)
    let bytes = state.input.text.utf8.count
    if bytes > ChatMessage.maximumTextBytes {
        state.notice =
            "the message is \(bytes / 1024) KiB, over the \(ChatMessage.maximumTextBytes / 1024) KiB a message "
            + "may hold: shorten it, or put the text in a file and /attach it"
    } else if case let lines = lineCount(text), lines > 1 {
        state.notice = "pasted \(lines) lines: Enter sends them as one message, Ctrl-U clears the line"
    }
    return []
}

/// How many lines `text` has: its line ends plus one.
private func lineCount(_ text: String) -> Int {
    text.utf8.reduce(1) { count, byte in byte == 10 ? count + 1 : count }
}
