import Foundation
import ParleyContracts
import ParleyCore
import ParleyViews

// A conversation as people have it: what one redraw of a 200x60 screen costs when every message carries
// what a conversation adds (a day line above each, reactions under each; every other one the user's, with its
// read receipt beside it, and the rest naming the user). Target: ≤2 ms.
let conversationBenchmarks: [Benchmark] = [
    Benchmark(name: "ui.conversation") { conversationFrame() }
]

private let clock = ContinuousClock()

/// A signed-in 200x60 screen in a room of five members and 1,000 messages, each on a day of its own with three
/// kinds of reaction (one the user's); every other one is the user's, marked `✓`, `✓✓` or with the names of who
/// read up to it (the four others have read to different places on the screen), and the rest name the user;
/// with a dozen rooms listed, some with highlights.
private func conversationScreen(now: Date) -> AppState {
    var state = AppState(width: 200, height: 60, services: [])
    state.chat.session = Session(token: "t", user: "alice", displayName: "Alice", expiresAt: .distantFuture)
    let rooms = (1...12).map {
        Room(id: RoomID("r\($0)"), kind: .publicRoom, name: "#room\($0)", memberCount: 5, unreadCount: $0 * 3)
    }
    state.chat.rooms = rooms
    state.chat.currentRoom = rooms[0].id
    for room in rooms.dropFirst(6) { state.chat.highlights[room.id] = 2 }
    var timeline: [ChatMessage] = []
    for index in 0..<1_000 {
        let sender = index % 2 == 1 ? "alice" : ["bob", "carol", "dave"][index / 2 % 3]
        let mention = index % 2 == 0 ? "@alice, " : ""
        let text = "\(mention)message \(index): the quick brown fox jumps over the lazy dog"
        let sentAt = now.addingTimeInterval(-Double(1_000 - index) * 86_400)
        let reactions = [
            Reaction(key: "👍", users: ["bob", "carol", "alice"]), Reaction(key: "🎉", users: ["dave"]),
            Reaction(key: "👀", users: ["carol", "dave"]),
        ]
        timeline.append(
            ChatMessage(
                id: MessageID("m\(index)"), room: rooms[0].id, sender: sender, text: text, sentAt: sentAt,
                sequence: Int64(index + 1), reactions: reactions))
    }
    state.chat.timelines[rooms[0].id] = timeline
    let readers = [("bob", 999), ("carol", 995), ("dave", 990), ("erin", 985)]
    state.chat.receipts[rooms[0].id] = Dictionary(
        uniqueKeysWithValues: readers.map { user, index in
            (user, ReadReceipt(user: user, message: MessageID("m\(index)"), sequence: Int64(index + 1)))
        })
    return state
}

/// CPU time of one full frame, after one frame to warm the day-line and layout caches as a running app has
/// them. No frame cache: it would hand back the last frame whole, as for a key that changes only the input
/// line, and the figure would measure a copy instead of a frame.
private func conversationFrame() {
    let now = Date(timeIntervalSince1970: 1_796_032_800)
    let state = conversationScreen(now: now)
    let locale = Locale(identifier: "en_US")
    let utc = TimeZone(identifier: "UTC")!
    let render = {
        ChatScreenView(state: state, timeZone: utc, locale: locale, now: now, frameCache: nil).render()
    }
    _ = render()
    let frames = 200
    let start = clock.now
    for _ in 0..<frames { _ = render() }
    figure("ui.frame.conversation_200x60", nanoseconds(clock.now - start) / Double(frames) / 1e6, "ms")
}
