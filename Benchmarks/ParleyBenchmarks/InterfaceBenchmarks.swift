import Foundation
import ParleyContracts
import ParleyCore
import ParleyViews

// The app core and views without a terminal: what one key, one paste and one timeline frame cost in
// `update` and `render`, at growing sizes, so that a cost that grows with the line or the history shows.
let interfaceBenchmarks: [Benchmark] = [
    Benchmark(name: "ui.typing") { interfaceTyping() },
    Benchmark(name: "ui.paste") { interfacePaste() },
    Benchmark(name: "ui.timeline") { interfaceTimeline() },
]

private let clock = ContinuousClock()

/// A signed-in screen of 120x40 in a room holding `messages` messages.
private func screen(messages: Int) -> AppState {
    var state = AppState(width: 120, height: 40, services: [])
    state.chat.session = Session(token: "t", user: "alice", displayName: "Alice", expiresAt: .distantFuture)
    let room = Room(id: RoomID("r1"), kind: .publicRoom, name: "#general", memberCount: 2, unreadCount: 0)
    state.chat.rooms = [room]
    state.chat.currentRoom = room.id
    var timeline: [ChatMessage] = []
    for index in 0..<messages {
        let sender = index % 2 == 0 ? "bob" : "carol"
        let text = "message \(index): the quick brown fox jumps over the lazy dog, twice over on a long line"
        let sentAt = Date(timeIntervalSince1970: TimeInterval(index))
        timeline.append(
            ChatMessage(
                id: MessageID("m\(index)"), room: room.id, sender: sender, text: text, sentAt: sentAt,
                sequence: Int64(index + 1)))
    }
    state.chat.timelines[room.id] = timeline
    return state
}

/// CPU time of one key typed at the end of a line already `length` characters long: `update` and a render.
private func interfaceTyping() {
    for length in [1_000, 8_000, 64_000] {
        var state = screen(messages: 100)
        state.input.replace(with: String(repeating: "x", count: length))
        let keys = 200
        let start = clock.now
        for _ in 0..<keys {
            _ = update(&state, .input(.key(.character("y"))))
            _ = ChatScreenView(state: state).render()
        }
        figure("ui.key.line_\(length / 1_000)k", nanoseconds(clock.now - start) / Double(keys) / 1e6, "ms")
    }
}

/// A paste of 1 MiB arriving as one event, then the frame that shows it.
private func interfacePaste() {
    var state = screen(messages: 100)
    let text = String(repeating: "pasted text, ", count: 1 << 20 / 13)
    let start = clock.now
    _ = update(&state, .input(.paste(text)))
    _ = ChatScreenView(state: state).render()
    figure("ui.paste_1mb", nanoseconds(clock.now - start) / 1e6, "ms")
}

/// One full frame with the room's timeline loaded at growing sizes: it should cost what the screen shows.
/// No frame cache, which would hand back the same state's last frame whole.
private func interfaceTimeline() {
    for messages in [100, 1_000] {
        let state = screen(messages: messages)
        let frames = 50
        let start = clock.now
        for _ in 0..<frames { _ = ChatScreenView(state: state, frameCache: nil).render() }
        figure("ui.frame.timeline_\(messages)", nanoseconds(clock.now - start) / Double(frames) / 1e6, "ms")
    }
}
